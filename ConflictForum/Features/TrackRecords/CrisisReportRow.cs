using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.TrackRecords;

/// <summary>One dispute against the organisation, with its steps in <see cref="CrisisStepKind"/> order.</summary>
public sealed record CrisisReportRow(int DisputeId, string Title, DisputeStatus Status, IReadOnlyList<CrisisStep> Steps)
{
    public CrisisStep Step(CrisisStepKind kind) => Steps[(int)kind];

    /// <summary>From the opening to the last step reached, or to now while one is still waited for: the length of its time axis.</summary>
    public TimeSpan Span => Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.Gap ?? s.WaitedSoFar ?? TimeSpan.Zero));
}
