namespace ConflictForum.Features.Content;

public static class ContentKinds
{
    /// <summary>The word a sentence uses for an item of this kind ("this comment").</summary>
    public static string Name(ContentKind kind) => kind switch
    {
        ContentKind.Dispute => "dispute",
        ContentKind.Statement => "statement",
        ContentKind.Reply => "reply",
        ContentKind.Comment => "comment",
        ContentKind.MediatorNote => "mediator's note",
        ContentKind.Organisation => "organisation",
        _ => "resolution",
    };
}
