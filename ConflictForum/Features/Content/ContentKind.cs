namespace ConflictForum.Features.Content;

/// <summary>What can be flagged and hidden. The item id is the row's id in its own table (a reply is its timeline entry).</summary>
public enum ContentKind
{
    Dispute,
    Statement,
    Reply,
    Comment,
    Resolution,
    /// <summary>A mediator's note to both parties (its timeline entry, like a reply).</summary>
    MediatorNote,
    /// <summary>An organisation's page and name (the organisation's row; it belongs to no dispute).</summary>
    Organisation,
}
