using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// Whether a settlement was honoured, as of a read: when reports open (its due date) and when a party's silence starts to
/// read as "No report", and the reports so far. Silence is never counted as honoured.
/// </summary>
public sealed record SettlementFollowUp(DateTime DueAt, DateTime WindowEndsAt, IReadOnlyList<ReportView> Reports, DateTime Now)
{
    /// <summary>When reports open: the date to carry the terms out by, or a week after settling when none was set.</summary>
    public static DateTime DueOf(Settlement settlement) =>
        settlement.CarryOutBy ?? settlement.SettledAt + SettlementOptions.DueWithoutDate;

    public ReportView? Of(PartyRole role) => Reports.FirstOrDefault(r => r.Role == role);

    /// <summary>The party said nothing within the window after the due date.</summary>
    public bool NoReport(PartyRole role) => Of(role) is null && Now >= WindowEndsAt;

    /// <summary>Both parties reported it honoured.</summary>
    public bool Honoured => Reports.Count == 2 && Reports.All(r => r.Verdict == ReportVerdict.Honoured);

    public static string VerdictName(ReportVerdict verdict) => verdict switch
    {
        ReportVerdict.Honoured => "Honoured",
        ReportVerdict.PartlyHonoured => "Partly honoured",
        _ => "Not honoured",
    };
}
