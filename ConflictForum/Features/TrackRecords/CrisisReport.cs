using ConflictForum.Features.Organisations;

namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// An organisation's crisis-process report: for each of its newest disputes, its steps on a time axis with the gaps between
/// them, judged against its own medians.
/// </summary>
/// <param name="Rows">Newest dispute first, at most <see cref="MaxDisputes"/>.</param>
/// <param name="Medians">One per step that has a gap before it (every step but the opening), in step order.</param>
/// <param name="Capped">The organisation has more disputes than <see cref="MaxDisputes"/>: the older ones are left out.</param>
/// <param name="Now">When it was computed (waits are counted up to then).</param>
public sealed record CrisisReport(Organisation Organisation, IReadOnlyList<CrisisReportRow> Rows, IReadOnlyList<CrisisStepMedian> Medians,
    bool Capped, DateTime Now)
{
    /// <summary>The report covers this many of the newest disputes, so it stays one page and one read.</summary>
    public const int MaxDisputes = 200;

    /// <summary>A gap is slow when it is more than this many times the organisation's median for the step.</summary>
    public const double SlowFactor = 1.5;

    /// <summary>Below this many disputes reaching a step, its median says too little to call a gap slow.</summary>
    public const int MinimumDisputesToJudge = 3;

    /// <summary>How a gap is judged, in words the page and the export's readers see.</summary>
    public static readonly string SlowRule = FormattableString.Invariant(
        $"A gap is slow when it is more than {SlowFactor:0.0} × the organisation's own median for that step, ")
        + FormattableString.Invariant($"judged only for steps at least {MinimumDisputesToJudge} of these disputes reached.");

    /// <summary>A step's name as the table's column and the export's header say it.</summary>
    public static string NameOf(CrisisStepKind kind) => kind switch
    {
        CrisisStepKind.Opened => "Opened",
        CrisisStepKind.Joined => "Joined",
        CrisisStepKind.Answered => "Answered",
        CrisisStepKind.Offered => "First offer",
        CrisisStepKind.Settled => "Settled",
        _ => "Settlement report",
    };

    /// <summary>A span as the page says it: hours with one decimal ("26.5 h").</summary>
    public static string Hours(TimeSpan span) =>
        span.TotalHours.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " h";

    public CrisisStepMedian MedianOf(CrisisStepKind kind) => Medians.First(m => m.Kind == kind);
}
