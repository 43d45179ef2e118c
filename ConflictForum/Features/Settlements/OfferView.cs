using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Settlements;

/// <summary>An offer as anyone reads it, with its status as of the read (a live offer past its expiry reads as expired).</summary>
public sealed record OfferView(int Id, PartyRole Role, string AuthorName, SettlementTerms Terms, DateTime CreatedAt,
    DateTime ExpiresAt, OfferStatus Status, DateTime? AnsweredAt, string? DeclineReason, int? CountersId, int? ResolutionId);
