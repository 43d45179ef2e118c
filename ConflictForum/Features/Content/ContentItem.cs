namespace ConflictForum.Features.Content;

/// <summary>Where a flaggable item lives (its dispute; none for an organisation) and who wrote it.</summary>
public sealed record ContentItem(ContentKind Kind, long ItemId, int? DisputeId, string AuthorId);
