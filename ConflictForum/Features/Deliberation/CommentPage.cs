namespace ConflictForum.Features.Deliberation;

/// <summary>
/// A page of threads, oldest first; <see cref="NextAfter"/> continues after the last one (null at the end).
/// <see cref="Count"/> is the dispute's comment count and <see cref="Version"/> its version, as of the read.
/// </summary>
public sealed record CommentPage(IReadOnlyList<CommentThread> Threads, int? NextAfter, int Count, int Version);
