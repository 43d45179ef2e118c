namespace ConflictForum.Features.Disputes;

/// <summary>
/// A settled dispute's follow-up as of a read: whether it was honoured, when reports open and when silence reads as none.
/// </summary>
/// <param name="ReportedBy">The party who reported when only one has (the banner names them); null otherwise.</param>
public sealed record SettlementFollowUpState(SettlementHonour Honour, DateTime DueAt, DateTime WindowEndsAt,
    PartyRole? ReportedBy = null);
