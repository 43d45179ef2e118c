namespace ConflictForum.Features.Disputes;

public enum DisputeSort
{
    Newest,
    MostActive,
    ClosingSoon,
    /// <summary>
    /// Ended disputes grouped by how they ended (<see cref="DisputeOutcome"/>'s order), latest ended first; running ones last.
    /// </summary>
    Outcome,
}
