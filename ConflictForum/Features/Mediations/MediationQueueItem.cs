namespace ConflictForum.Features.Mediations;

/// <summary>A mediation in the mediators' queue (or under way with the reader as its mediator), with its dispute.</summary>
public sealed record MediationQueueItem(int MediationId, int DisputeId, string DisputeTitle, MediationStatus Status,
    DateTime RequestedAt, DateTime? AgreedAt);
