namespace ConflictForum.Features.Deliberation;

/// <summary>What a recount found: the counters as stored and as the rows say.</summary>
public sealed record RecountReport(FaultTally Stored, FaultTally Counted, int ResolutionsOff, bool Repaired)
{
    public bool Matches => Stored == Counted && ResolutionsOff == 0;
}
