namespace ConflictForum.Features.Disputes;

/// <summary>
/// Whether a settlement was honoured, as its parties' reports say so far (<see cref="ISettlementFollowUps"/> works it out): a
/// party who has not reported is never counted as honoured.
/// </summary>
public enum SettlementHonour
{
    /// <summary>Before the due date: nobody can report yet.</summary>
    NotDue,
    /// <summary>Due, within the report window, and neither party reported.</summary>
    AwaitingReports,
    /// <summary>Within the report window: one party reported it honoured, the other has not reported yet.</summary>
    AwaitingOneReport,
    /// <summary>Both parties reported it honoured.</summary>
    Honoured,
    /// <summary>A party reported it partly honoured (and none not honoured), whatever the other said or did not say.</summary>
    PartlyHonoured,
    /// <summary>The window passed: one party reported it honoured, the other said nothing.</summary>
    HonouredByOne,
    /// <summary>The window passed and neither party reported.</summary>
    NoReport,
    /// <summary>A party reported it not honoured: the dispute's outcome is then <see cref="DisputeOutcome.SettlementDisputed"/>.</summary>
    NotHonoured,
}
