using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// A party's settlement offer to the other: terms, an optional amount and date, an expiry. At most one live offer per party;
/// public, like everything on a dispute.
/// </summary>
public sealed class Offer : TermsColumns
{
    public const int TermsMaxLength = 5_000;

    public int Id { get; set; }

    public int DisputeId { get; set; }

    /// <summary>Which party made it.</summary>
    public PartyRole Role { get; set; }

    public string AuthorId { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public OfferStatus Status { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>The reason the other party gave for declining, if any.</summary>
    public string? DeclineReason { get; set; }

    /// <summary>The other party's offer this one answered, when it is a counter-offer.</summary>
    public int? CountersId { get; set; }

    /// <summary>The community resolution this offer adopted, when it did.</summary>
    public int? ResolutionId { get; set; }

    /// <summary>Live and not yet past its expiry at <paramref name="now"/>.</summary>
    public bool IsLive(DateTime now) => Status == OfferStatus.Live && now < ExpiresAt;
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> offer)
    {
        offer.HasIndex(o => new { o.DisputeId, o.Status });
        offer.HasOne<Dispute>().WithMany().HasForeignKey(o => o.DisputeId).OnDelete(DeleteBehavior.Cascade);
        offer.Property(o => o.Role).HasConversion<string>().HasMaxLength(16);
        offer.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        offer.Property(o => o.AuthorId).HasMaxLength(450);
        offer.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(o => o.AuthorId).OnDelete(DeleteBehavior.Restrict);
        TermsColumns.Configure(offer);
        offer.Property(o => o.DeclineReason).HasMaxLength(OfferAnswerInput.ReasonMaxLength);
    }
}
