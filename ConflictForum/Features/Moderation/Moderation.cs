using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Moderation;

/// <summary>What can be flagged and hidden. The item id is the row's id in its own table (a reply is its timeline entry).</summary>
public enum ContentKind
{
    Dispute,
    Statement,
    Reply,
    Comment,
    Resolution,
}

public enum FlagReason
{
    Abuse,
    Spam,
    PersonalInformation,
    OffTopic,
    Other,
}

/// <summary>One member's flag on one item; at most one per member and item. Only moderators see who flagged.</summary>
public sealed class Flag
{
    public const int NoteMaxLength = 500;

    public long Id { get; set; }

    public ContentKind Kind { get; set; }

    public long ItemId { get; set; }

    public int DisputeId { get; set; }

    public string FlaggerId { get; set; } = "";

    public FlagReason Reason { get; set; }

    public string? Note { get; set; }

    public DateTime At { get; set; }

    /// <summary>Set when a moderator dealt with the item (hid, unhid or dismissed): the flag no longer counts or queues.</summary>
    public DateTime? ReviewedAt { get; set; }
}

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

    public int DisputeId { get; set; }

    /// <summary>Who wrote the item: they may appeal its hiding, and no moderator judges their own words.</summary>
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

public enum ModerationAction
{
    AutoHidden,
    Hidden,
    Unhidden,
    FlagsDismissed,
    CommentsLocked,
    CommentsUnlocked,
    Appealed,
    AppealGranted,
    AppealRefused,
    Suspended,
    SuspensionLifted,
    VotesRemoved,
    RoleGranted,
    RoleRevoked,
}

/// <summary>One line of the public moderation log: who did what to which item or member, why, and when. Insert-only.</summary>
public sealed class ModerationLogEntry : Timeline.IAppendOnly
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>Null for the system (an automatic hide).</summary>
    public string? ModeratorId { get; set; }

    public string ModeratorName { get; set; } = "";

    public ModerationAction Action { get; set; }

    public ContentKind? Kind { get; set; }

    public long? ItemId { get; set; }

    public int? DisputeId { get; set; }

    public string? TargetUserId { get; set; }

    public string? TargetName { get; set; }

    public string Reason { get; set; } = "";
}

internal sealed class ModerationConfiguration :
    IEntityTypeConfiguration<Flag>, IEntityTypeConfiguration<ModeratedItem>, IEntityTypeConfiguration<ModerationLogEntry>
{
    public void Configure(EntityTypeBuilder<Flag> flag)
    {
        flag.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        flag.Property(f => f.Reason).HasConversion<string>().HasMaxLength(24);
        flag.Property(f => f.FlaggerId).HasMaxLength(450);
        flag.Property(f => f.Note).HasMaxLength(Flag.NoteMaxLength);
        // Once per member and item, whatever the race: the index is the backstop behind the dispute's lock.
        flag.HasIndex(f => new { f.Kind, f.ItemId, f.FlaggerId }).IsUnique();
        flag.HasIndex(f => f.DisputeId);
        flag.HasOne<Dispute>().WithMany().HasForeignKey(f => f.DisputeId).OnDelete(DeleteBehavior.Cascade);
        flag.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(f => f.FlaggerId).OnDelete(DeleteBehavior.Restrict);
    }

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
        item.HasOne<Dispute>().WithMany().HasForeignKey(i => i.DisputeId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ModerationLogEntry> entry)
    {
        entry.ToTable("ModerationLog");
        entry.Property(e => e.ModeratorId).HasMaxLength(450);
        entry.Property(e => e.ModeratorName).HasMaxLength(64);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        entry.Property(e => e.TargetUserId).HasMaxLength(450);
        entry.Property(e => e.TargetName).HasMaxLength(64);
        entry.Property(e => e.Reason).HasMaxLength(ModeratedItem.ReasonMaxLength);
        entry.HasIndex(e => e.At);
    }
}
