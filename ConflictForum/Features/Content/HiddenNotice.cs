namespace ConflictForum.Features.Content;

/// <summary>
/// A hidden item as one reader sees it: everyone reads <see cref="Reason"/> in its place; only moderators and its
/// author get the content itself (<see cref="ShowContent"/>), and only its author may appeal.
/// </summary>
public sealed record HiddenNotice(ContentKind Kind, long ItemId, string Reason, bool Automatic, bool ShowContent, bool CanAppeal,
    string? AppealState)
{
    public string Text => Automatic ? Reason : $"Hidden by a moderator: {Reason}";
}
