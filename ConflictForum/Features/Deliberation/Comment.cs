using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Deliberation;

public sealed class Comment
{
    public const int MaxLength = 5_000;

    public int Id { get; set; }

    public int DisputeId { get; set; }

    /// <summary>The top-level comment this replies to; replies nest one level.</summary>
    public int? ParentId { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>Set when a party wrote it, for the "claimant"/"respondent" badge.</summary>
    public PartyRole? AuthorRole { get; set; }

    public string Source { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    /// <summary>The author deleted it: the thread shows "[deleted]"; the text stays on the record for moderators.</summary>
    public DateTime? DeletedAt { get; set; }

    public List<CommentRevision> Revisions { get; set; } = [];
}
