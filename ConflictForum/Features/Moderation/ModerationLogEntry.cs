using ConflictForum.Features.Content;

namespace ConflictForum.Features.Moderation;

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
