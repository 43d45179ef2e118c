namespace ConflictForum.Platform;

/// <summary>What part of a dispute's page changed; pages reload only those slices.</summary>
[Flags]
public enum DisputeChanges
{
    None = 0,
    Status = 1,
    Statements = 2,
    Timeline = 4,
    Comments = 8,
    Tally = 16,
    Resolutions = 32,
    /// <summary>The parties' offers and the settlement.</summary>
    Offers = 64,
    All = Status | Statements | Timeline | Comments | Tally | Resolutions | Offers,
}
