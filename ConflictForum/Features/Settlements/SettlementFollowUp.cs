using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// Whether a settlement was honoured, as of a read: when reports open (its due date) and when a party's silence starts to
/// read as "No report", and the reports so far. Silence is never counted as honoured.
/// </summary>
public sealed record SettlementFollowUp(DateTime DueAt, DateTime WindowEndsAt, IReadOnlyList<ReportView> Reports, DateTime Now)
{
    /// <summary>When reports open: the date to carry the terms out by, or a week after settling when none was set.</summary>
    public static DateTime DueOf(Settlement settlement) => DueOf(settlement.CarryOutBy, settlement.SettledAt);

    /// <inheritdoc cref="DueOf(Settlement)"/>
    public static DateTime DueOf(DateTime? carryOutBy, DateTime settledAt) => carryOutBy ?? settledAt + SettlementOptions.DueWithoutDate;

    public ReportView? Of(PartyRole role) => Reports.FirstOrDefault(r => r.Role == role);

    /// <summary>The party said nothing within the window after the due date.</summary>
    public bool NoReport(PartyRole role) => Of(role) is null && Now >= WindowEndsAt;

    /// <summary>Both parties reported it honoured.</summary>
    public bool Honoured => Reports.Count == 2 && Reports.All(r => r.Verdict == ReportVerdict.Honoured);

    /// <summary>Whether it was honoured, as the reports say so far (the banner's and the list chip's words).</summary>
    public SettlementHonour State => StateOf([.. Reports.Select(r => r.Verdict)], DueAt, WindowEndsAt, Now);

    /// <summary>
    /// The one rule for <see cref="SettlementHonour"/>: the worst verdict reported wins, both parties must report it honoured for
    /// it to read honoured, and a party's silence reads "awaited" until the window ends, then "no report".
    /// </summary>
    public static SettlementHonour StateOf(IReadOnlyCollection<ReportVerdict> verdicts, DateTime dueAt, DateTime windowEndsAt,
        DateTime now) =>
        verdicts.Contains(ReportVerdict.NotHonoured) ? SettlementHonour.NotHonoured
        : verdicts.Contains(ReportVerdict.PartlyHonoured) ? SettlementHonour.PartlyHonoured
        : verdicts.Count >= 2 ? SettlementHonour.Honoured
        : now < dueAt && verdicts.Count == 0 ? SettlementHonour.NotDue
        : now < windowEndsAt ? (verdicts.Count == 0 ? SettlementHonour.AwaitingReports : SettlementHonour.AwaitingOneReport)
        : verdicts.Count == 0 ? SettlementHonour.NoReport
        : SettlementHonour.HonouredByOne;

    public static string VerdictName(ReportVerdict verdict) => verdict switch
    {
        ReportVerdict.Honoured => "Honoured",
        ReportVerdict.PartlyHonoured => "Partly honoured",
        _ => "Not honoured",
    };
}
