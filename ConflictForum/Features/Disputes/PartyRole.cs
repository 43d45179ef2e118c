namespace ConflictForum.Features.Disputes;

public enum PartyRole
{
    Claimant,
    Respondent,
}
