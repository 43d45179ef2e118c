namespace ConflictForum.Features.Deliberation;

public enum TallyVisibility
{
    /// <summary>A member sees the fault tallies once they have voted (or voting closed): early votes cannot steer later ones.</summary>
    AfterVoting,
    Always,
}
