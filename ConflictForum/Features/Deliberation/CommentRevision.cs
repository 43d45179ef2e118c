namespace ConflictForum.Features.Deliberation;

/// <summary>A comment's text before an edit, kept on the record.</summary>
public sealed class CommentRevision
{
    public int Id { get; set; }

    public int CommentId { get; set; }

    public string Source { get; set; } = "";

    /// <summary>
    /// The HTML shown for <see cref="Source"/>, kept so the hash its timeline entry recorded can be recomputed; null for edits made
    /// before it was kept.
    /// </summary>
    public string? Html { get; set; }

    public DateTime At { get; set; }
}
