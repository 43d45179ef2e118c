using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Moderation;

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
    IEntityTypeConfiguration<Flag>, IEntityTypeConfiguration<ModerationLogEntry>
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
