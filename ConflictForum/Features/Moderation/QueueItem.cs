using ConflictForum.Features.Content;
using ConflictForum.Platform;

namespace ConflictForum.Features.Moderation;

/// <summary>One item waiting for a moderator, with what this moderator may do about it.</summary>
public sealed record QueueItem(ModeratedItem State, string DisputeTitle, string AuthorName, string? Heading, string Html,
    IReadOnlyList<FlagView> Flags, string? HiddenByName, Decision CanModerate, Decision CanDecideAppeal);
