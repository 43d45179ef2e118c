using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Content;

/// <summary>
/// The moderation state of one item that was ever flagged or moderated: the queue reads these rows, and every
/// page asks them whether an item is hidden. The content itself is never changed or deleted.
/// </summary>
public sealed class ModeratedItem
{
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }

    public ContentKind Kind { get; set; }

    public long ItemId { get; set; }

    /// <summary>The dispute it belongs to; null for an organisation.</summary>
    public int? DisputeId { get; set; }

    /// <summary>
    /// Who wrote the item (an organisation's first owner): they may appeal its hiding, and no moderator judges their own words.
    /// </summary>
    public string AuthorId { get; set; } = "";

    /// <summary>Flags not yet reviewed by a moderator.</summary>
    public int OpenFlags { get; set; }

    /// <summary>The oldest flag still open: the queue shows the longest-waiting first among equals.</summary>
    public DateTime? WaitingSince { get; set; }

    public DateTime? HiddenAt { get; set; }

    /// <summary>The moderator who hid it; null when the flags hid it automatically.</summary>
    public string? HiddenById { get; set; }

    /// <summary>Shown to everyone in place of the content.</summary>
    public string? HiddenReason { get; set; }

    public string? AppealNote { get; set; }

    public DateTime? AppealedAt { get; set; }

    public DateTime? AppealDecidedAt { get; set; }

    public bool IsHidden => HiddenAt is not null;

    public bool AppealPending => AppealedAt is not null && AppealDecidedAt is null;

    /// <summary>In the queue: flags to review, or an appeal to decide.</summary>
    public bool NeedsReview => OpenFlags > 0 || AppealPending;
}

/// <summary>Its dispute's side of the key is configured with the dispute, which this layer does not know.</summary>
internal sealed class ModeratedItemConfiguration : IEntityTypeConfiguration<ModeratedItem>
{
    public void Configure(EntityTypeBuilder<ModeratedItem> item)
    {
        item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        item.Property(i => i.AuthorId).HasMaxLength(450);
        item.Property(i => i.HiddenById).HasMaxLength(450);
        item.Property(i => i.HiddenReason).HasMaxLength(ModeratedItem.ReasonMaxLength);
        item.Property(i => i.AppealNote).HasMaxLength(ModeratedItem.ReasonMaxLength);
        item.Ignore(i => i.IsHidden);
        item.Ignore(i => i.AppealPending);
        item.Ignore(i => i.NeedsReview);
        item.HasIndex(i => new { i.Kind, i.ItemId }).IsUnique();
        item.HasIndex(i => new { i.DisputeId, i.Kind });
        item.HasIndex(i => new { i.OpenFlags, i.WaitingSince });
        item.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
