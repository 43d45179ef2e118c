using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;

namespace ConflictForum.Features.Mediations;

/// <summary>A mediator's proposal as anyone reads it, with its status as of the read (past its expiry it reads as expired).</summary>
public sealed record ProposalView(int Id, SettlementTerms Terms, DateTime CreatedAt, DateTime ExpiresAt, OfferStatus Status,
    DateTime? ClaimantAcceptedAt, DateTime? RespondentAcceptedAt, PartyRole? DeclinedBy, string? DeclineReason);
