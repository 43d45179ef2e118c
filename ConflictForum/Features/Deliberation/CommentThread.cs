namespace ConflictForum.Features.Deliberation;

public sealed record CommentThread(CommentView Comment, IReadOnlyList<CommentView> Replies);
