namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// The organisation's own median gap before one step, over the disputes of the report that reached it; gaps are judged
/// slow against it only when <see cref="Judged"/>.
/// </summary>
/// <param name="Median">Null when no dispute of the report reached the step.</param>
/// <param name="Disputes">How many disputes of the report reached the step (with a gap before it).</param>
public sealed record CrisisStepMedian(CrisisStepKind Kind, TimeSpan? Median, int Disputes)
{
    /// <summary>Enough disputes reached the step for its median to say what is usual.</summary>
    public bool Judged => Median is not null && Disputes >= CrisisReport.MinimumDisputesToJudge;

    /// <summary>Above this, a gap is slow (null while the step is not judged).</summary>
    public TimeSpan? SlowAbove => Judged ? Median!.Value * CrisisReport.SlowFactor : null;
}
