using ConflictForum.Features.Content;

namespace ConflictForum.Features.Mediations;

/// <summary>A mediator's note as one reader sees it: blanked, with the notice, when hidden from them.</summary>
public sealed record MediatorNoteView(long EntryId, string AuthorId, string AuthorName, string Html, DateTime At, HiddenNotice? Hidden);
