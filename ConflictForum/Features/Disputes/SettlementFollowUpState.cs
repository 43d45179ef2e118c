namespace ConflictForum.Features.Disputes;

/// <summary>A settled dispute's follow-up as of a read: whether it was honoured, when reports open and when silence reads as none.</summary>
public sealed record SettlementFollowUpState(SettlementHonour Honour, DateTime DueAt, DateTime WindowEndsAt);
