namespace ConflictForum.Features.Content;

/// <summary>Where a flaggable item lives and who wrote it.</summary>
public sealed record ContentItem(ContentKind Kind, long ItemId, int DisputeId, string AuthorId);
