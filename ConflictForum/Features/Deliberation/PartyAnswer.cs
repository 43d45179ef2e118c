namespace ConflictForum.Features.Deliberation;

public enum PartyAnswer
{
    Undecided,
    Accepts,
    Declines,
}
