using ConflictForum.Features.Content;
using ConflictForum.Platform;

namespace ConflictForum.Features.Moderation;

/// <summary>
/// One item waiting for a moderator, with what this moderator may do about it. <see cref="Place"/> and <see cref="PlaceUrl"/>
/// name where it is: its dispute, or the organisation's own page.
/// </summary>
public sealed record QueueItem(ModeratedItem State, string Place, string PlaceUrl, string AuthorName, string? Heading, string Html,
    IReadOnlyList<FlagView> Flags, string? HiddenByName, Decision CanModerate, Decision CanDecideAppeal);
