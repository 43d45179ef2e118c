using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Moderation;

public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>Flags from distinct members that hide an item pending review. Default 3.</summary>
    [Range(1, 1_000)]
    public int AutoHideThreshold { get; set; } = 3;
}
