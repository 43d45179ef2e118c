using ConflictForum.Features.Content;

namespace ConflictForum.Features.Moderation;

/// <summary>One member's flag on one item; at most one per member and item. Only moderators see who flagged.</summary>
public sealed class Flag
{
    public const int NoteMaxLength = 500;

    public long Id { get; set; }

    public ContentKind Kind { get; set; }

    public long ItemId { get; set; }

    /// <summary>The item's dispute; null for an organisation.</summary>
    public int? DisputeId { get; set; }

    public string FlaggerId { get; set; } = "";

    public FlagReason Reason { get; set; }

    public string? Note { get; set; }

    public DateTime At { get; set; }

    /// <summary>Set when a moderator dealt with the item (hid, unhid or dismissed): the flag no longer counts or queues.</summary>
    public DateTime? ReviewedAt { get; set; }
}
