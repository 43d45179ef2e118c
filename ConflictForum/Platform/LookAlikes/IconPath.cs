namespace ConflictForum.Platform.LookAlikes;

/// <summary>One path of an icon: its drawing and, when the icon gives one, its fill.</summary>
public sealed record IconPath(string D, string? Fill);
