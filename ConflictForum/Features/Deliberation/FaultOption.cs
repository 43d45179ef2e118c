namespace ConflictForum.Features.Deliberation;

public enum FaultOption
{
    ClaimantAtFault,
    RespondentAtFault,
    Both,
    Neither,
}
