namespace ConflictForum.Features.Deliberation;

/// <summary>How the threads of a discussion are ordered; replies inside a thread always read oldest first.</summary>
public enum CommentOrder
{
    Oldest,
    Newest,

    /// <summary>By the replies readers can see (not deleted, not hidden), then newest first.</summary>
    MostReplied,
}
