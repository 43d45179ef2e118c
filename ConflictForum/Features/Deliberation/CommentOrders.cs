namespace ConflictForum.Features.Deliberation;

/// <summary>The orders of a discussion as the address spells them (<c>?comments=newest</c>) and as the page names them.</summary>
public static class CommentOrders
{
    public static readonly IReadOnlyList<CommentOrder> All = [CommentOrder.Oldest, CommentOrder.Newest, CommentOrder.MostReplied];

    /// <summary>The value of <c>?comments=</c>.</summary>
    public static string Name(CommentOrder order) => order switch
    {
        CommentOrder.Newest => "newest",
        CommentOrder.MostReplied => "replied",
        _ => "oldest",
    };

    /// <summary>The order named in an address; <see cref="CommentOrder.Oldest"/> for anything else.</summary>
    public static CommentOrder Parse(string? name) =>
        All.FirstOrDefault(o => string.Equals(Name(o), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Label(CommentOrder order) => order switch
    {
        CommentOrder.Newest => "Newest",
        CommentOrder.MostReplied => "Most replied",
        _ => "Oldest",
    };
}
