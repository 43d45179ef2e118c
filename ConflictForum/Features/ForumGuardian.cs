namespace ConflictForum.Features;

/// <summary>
/// The one place that answers "may this actor do this to this item, now?". Each feature adds its rules in its
/// own folder (Disputes/ForumGuardian.Disputes.cs, ...). Services ask before every write; pages ask the same
/// question to decide what to show and to explain a disabled button.
/// </summary>
public sealed partial class ForumGuardian;
