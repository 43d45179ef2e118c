using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// An organisation's public track record, computed from the record: the same for every reader. Durations are medians read
/// off hour buckets (<see cref="TrackRecordKey.HourBucket"/>), null until there is one to take.
/// </summary>
public sealed record TrackRecordView(
    int Opened,
    IReadOnlyDictionary<DisputeOutcome, int> ByOutcome,
    int Answered,
    int NotAnswered,
    TimeSpan? MedianFirstResponse,
    TimeSpan? MedianSettlement,
    IReadOnlyDictionary<SettlementReported, int> Settlements,
    IReadOnlyList<TrackRecordMonth> Months)
{
    /// <summary>Answered out of those whose answer is no longer awaited (answered, or the deadline passed without it).</summary>
    public double? ResponseRate => Answered + NotAnswered == 0 ? null : (double)Answered / (Answered + NotAnswered);

    public int Count(DisputeOutcome outcome) => ByOutcome.GetValueOrDefault(outcome);

    /// <summary>Public verdicts against it: the public found the organisation at fault.</summary>
    public int VerdictsAgainst => Count(DisputeOutcome.RespondentAtFault);

    /// <summary>Public verdicts in its favour: the public found the customer (the claimant) at fault.</summary>
    public int VerdictsInFavour => Count(DisputeOutcome.ClaimantAtFault);

    public int SettledTotal => Settlements.Values.Sum();
}
