using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// The terms both parties agreed, frozen when the second one accepted: one per dispute, never changed afterwards; its hash is
/// on the dispute's timeline like a statement version's.
/// </summary>
public sealed class Settlement : TermsColumns
{
    public int Id { get; set; }

    public int DisputeId { get; set; }

    public DateTime ClaimantAcceptedAt { get; set; }

    public DateTime RespondentAcceptedAt { get; set; }

    /// <summary>When the second acceptance made it binding.</summary>
    public DateTime SettledAt { get; set; }

    /// <summary>The offer accepted, when it came from one; null when both parties accepted a resolution or a mediator's proposal.</summary>
    public int? OfferId { get; set; }

    /// <summary>The community resolution the terms came from, when they did (accepted by both, or adopted as an offer).</summary>
    public int? ResolutionId { get; set; }

    /// <summary>The mediator's proposal both parties accepted, when the terms came from one.</summary>
    public int? ProposalId { get; set; }

}

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> settlement)
    {
        settlement.HasIndex(s => s.DisputeId).IsUnique(); // exactly one settlement, whatever races to make a second
        settlement.HasOne<Dispute>().WithMany().HasForeignKey(s => s.DisputeId).OnDelete(DeleteBehavior.Cascade);
        TermsColumns.Configure(settlement);
    }
}
