using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Platform.LookAlikes;
using MudBlazor;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// A comment's head (its author, a party's badge, its time and its permalink), written once for every open page that shows it
/// (<see cref="WrittenMarkup"/>), with look-alikes of MudStack, MudLink, MudChip and MudText (Platform/LookAlikes).
/// </summary>
public static class CommentHead
{
    /// <summary>The classes of the head's row, and of a comment's row of buttons.</summary>
    public static readonly string Row = LookAlikeClasses.Row(1, AlignItems.Center, wrap: true);

    private static readonly string AuthorLink = LookAlikeClasses.Link(Typo.subtitle2);
    private static readonly string PartyChip = LookAlikeClasses.Chip(Variant.Filled, Color.Primary, Size.Small);
    private static readonly string Caption = LookAlikeClasses.Text(Typo.caption, "mud-text-secondary");
    private static readonly string Permalink = LookAlikeClasses.Link(Typo.caption);

    /// <summary>The head's HTML, with its time in <paramref name="zone"/> (none: the browser writes it).</summary>
    public static string Of(WrittenMarkup markup, int disputeId, CommentView comment, TimeZoneInfo? zone) =>
        markup.Of(nameof(CommentHead), comment.Id, zone,
            new From(disputeId, comment.Id, comment.AuthorId, comment.AuthorName, comment.AuthorRole, comment.CreatedAt, comment.Edited),
            Write);

    private static void Write(HtmlWriter html, From c, TimeZoneInfo? zone)
    {
        html.Open("div", ("role", "group"), ("class", Row))
            .Open("a", ("href", DisputeAddresses.MemberUrl(c.AuthorId)), ("class", AuthorLink)).Text(c.AuthorName).Close("a");
        if (c.Role is { } role)
        {
            html.Open("div", ("class", "mud-chip-container"))
                .Open("div", ("class", PartyChip), ("tabindex", "-1"), ("data-testid", "party-badge"))
                .Open("span", ("class", "mud-chip-content")).Text(DisputeLabels.Role(role).ToLowerInvariant()).Close("span")
                .Close("div").Close("div");
        }
        html.Open("span", ("class", Caption)).Time(c.CreatedAt, zone).Text(c.Edited ? " · edited" : "").Close("span")
            .Open("a", ("href", DisputeAddresses.CommentUrl(c.DisputeId, c.Id)), ("class", Permalink),
                ("aria-label", $"Link to this comment by {c.AuthorName}"), ("data-testid", "permalink")).Text("Link").Close("a")
            .Close("div");
    }

    private readonly record struct From(int DisputeId, int Id, string AuthorId, string AuthorName, PartyRole? Role,
        DateTime CreatedAt, bool Edited);
}
