using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Deliberation;

/// <summary>A comment as one reader sees it; <see cref="Html"/> is null when deleted, or hidden from this reader.</summary>
public sealed record CommentView(int Id, int? ParentId, string AuthorId, string AuthorName, PartyRole? AuthorRole, string? Html,
    DateTime CreatedAt, bool Edited, bool Deleted, bool CanEdit, bool CanDelete, string? Source, HiddenNotice? Hidden = null);
