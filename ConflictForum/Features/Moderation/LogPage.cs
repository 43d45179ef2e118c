namespace ConflictForum.Features.Moderation;

public sealed record LogPage(IReadOnlyList<ModerationLogEntry> Entries, long? NextBefore);
