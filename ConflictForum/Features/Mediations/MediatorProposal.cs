using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Mediations;

/// <summary>
/// Terms a mediator puts forward to both parties: each accepts or declines it like an offer, and when both have accepted the
/// dispute settles on it. One live proposal per mediation; a new one replaces it.
/// </summary>
public sealed class MediatorProposal : TermsColumns
{
    public int Id { get; set; }

    public int MediationId { get; set; }

    public int DisputeId { get; set; }

    public string MediatorId { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Live until both accept (Accepted), a party declines, the mediator replaces it, it expires, or the mediation ends.</summary>
    public OfferStatus Status { get; set; }

    public DateTime? ClaimantAcceptedAt { get; set; }

    public DateTime? RespondentAcceptedAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>The party who declined it, when one did.</summary>
    public PartyRole? DeclinedBy { get; set; }

    public string? DeclineReason { get; set; }

    public bool IsLive(DateTime now) => Status == OfferStatus.Live && now < ExpiresAt;

    public DateTime? AcceptedAt(PartyRole role) => role == PartyRole.Claimant ? ClaimantAcceptedAt : RespondentAcceptedAt;
}

internal sealed class MediatorProposalConfiguration : IEntityTypeConfiguration<MediatorProposal>
{
    public void Configure(EntityTypeBuilder<MediatorProposal> proposal)
    {
        proposal.HasIndex(p => new { p.DisputeId, p.Status });
        proposal.HasOne<Mediation>().WithMany().HasForeignKey(p => p.MediationId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasOne<Dispute>().WithMany().HasForeignKey(p => p.DisputeId).OnDelete(DeleteBehavior.NoAction);
        proposal.Property(p => p.MediatorId).HasMaxLength(450);
        proposal.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(p => p.MediatorId).OnDelete(DeleteBehavior.Restrict);
        TermsColumns.Configure(proposal);
        proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        proposal.Property(p => p.DeclinedBy).HasConversion<string>().HasMaxLength(16);
        proposal.Property(p => p.DeclineReason).HasMaxLength(OfferAnswerInput.ReasonMaxLength);
    }
}
