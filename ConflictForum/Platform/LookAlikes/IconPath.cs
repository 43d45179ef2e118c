namespace ConflictForum.Platform.LookAlikes;

/// <summary>One path of an icon: its outline and, when the icon gives one, its fill.</summary>
public sealed record IconPath(string D, string? Fill);
