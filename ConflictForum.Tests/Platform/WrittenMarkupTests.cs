using System.Net;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;

namespace ConflictForum.Tests.Platform;

public sealed class WrittenMarkupTests
{
    private static readonly DateTime Posted = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private static CommentView Comment(string author = "Ada Reader", bool edited = false, PartyRole? role = null) =>
        new(7, null, "user-1", author, role, "<p>Hello</p>", Posted, edited, false, false, false, null);

    [Fact]
    public void Every_page_that_shows_a_comment_alike_holds_one_copy_of_its_head_and_an_edit_writes_a_new_one()
    {
        var markup = new WrittenMarkup();

        // Two readers' reads of the same comment: records of their own, equal in what the head shows.
        var first = CommentHead.Of(markup, 3, Comment(), zone: null);
        Assert.Same(first, CommentHead.Of(markup, 3, Comment() with { CanEdit = true }, zone: null));

        var edited = CommentHead.Of(markup, 3, Comment(edited: true), zone: null);
        Assert.NotSame(first, edited);
        Assert.Contains(" · edited", WebUtility.HtmlDecode(edited), StringComparison.Ordinal);
        Assert.Same(edited, CommentHead.Of(markup, 3, Comment(edited: true), zone: null));
    }

    [Fact]
    public void A_head_is_written_in_each_zone_it_is_read_in_and_for_the_browser_to_write_without_one()
    {
        var markup = new WrittenMarkup();
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var browser = CommentHead.Of(markup, 3, Comment(), zone: null);
        var inTokyo = CommentHead.Of(markup, 3, Comment(), tokyo);

        Assert.Contains($"{LocalTime.InBrowser}=\"\"", browser, StringComparison.Ordinal);
        Assert.Contains("Sun 6 Dec 2026, 10:00 UTC", WebUtility.HtmlDecode(browser), StringComparison.Ordinal);
        Assert.DoesNotContain(LocalTime.InBrowser, inTokyo, StringComparison.Ordinal);
        Assert.Contains("Sun 6 Dec 2026, 19:00 GMT+9", WebUtility.HtmlDecode(inTokyo), StringComparison.Ordinal);
        Assert.Equal(2, markup.Count);
    }

    [Fact]
    public void What_a_member_typed_reaches_the_head_as_text_never_as_markup()
    {
        var head = CommentHead.Of(new WrittenMarkup(), 3, Comment(author: "\"><img src=x onerror=alert(1)>"), zone: null);

        Assert.DoesNotContain("<img", head, StringComparison.Ordinal);
        // In the link's text and in its label (an attribute, which a quote cannot end).
        Assert.Contains(">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>", head, StringComparison.Ordinal);
        Assert.Contains("by &quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"", head, StringComparison.Ordinal);
    }

    [Fact]
    public void A_party_s_comment_carries_its_badge_and_its_permalink_names_its_author()
    {
        var head = WebUtility.HtmlDecode(CommentHead.Of(new WrittenMarkup(), 3, Comment(role: PartyRole.Respondent), zone: null));

        Assert.Contains("data-testid=\"party-badge\"><span class=\"mud-chip-content\">respondent</span>", head, StringComparison.Ordinal);
        Assert.Contains($"href=\"{DisputeAddresses.CommentUrl(3, 7)}\"", head, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Link to this comment by Ada Reader\"", head, StringComparison.Ordinal);
    }

    private static TimelineEntry Entry(string summary) =>
        new() { DisputeId = 3, Sequence = 2, Summary = summary, Hash = "ab12", At = Posted };

    [Fact]
    public void Every_page_that_shows_a_timeline_entry_alike_holds_one_copy_of_its_line_and_a_reader_s_redaction_its_own()
    {
        var markup = new WrittenMarkup();

        var first = TimelineLine.Of(markup, Entry("Ada opened the dispute against Bob Smith."), "disputes/3/statements/claimant", null);
        Assert.Same(first, TimelineLine.Of(markup, Entry("Ada opened the dispute against Bob Smith."), "disputes/3/statements/claimant",
            null));

        // A read that blanked the name (a hidden dispute) is never served another reader's line, nor theirs it.
        var redacted = TimelineLine.Of(markup, Entry("Ada opened the dispute against [hidden]."), "disputes/3/statements/claimant", null);
        Assert.DoesNotContain("Bob Smith", redacted, StringComparison.Ordinal);
        Assert.Contains("Bob Smith", TimelineLine.Of(markup, Entry("Ada opened the dispute against Bob Smith."),
            "disputes/3/statements/claimant", null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeline_line_shows_its_number_summary_link_and_hash_with_the_summary_as_text()
    {
        var line = TimelineLine.Of(new WrittenMarkup(), Entry("<script>alert(1)</script> replied."), "disputes/3/statements/claimant",
            null);

        Assert.DoesNotContain("<script>", line, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(line);
        Assert.Contains("<span class=\"cf-seq\" aria-label=\"Entry 2\">#2</span> <script>alert(1)</script> replied.", text,
            StringComparison.Ordinal);
        Assert.Contains("<a href=\"disputes/3/statements/claimant\"", text, StringComparison.Ordinal);
        Assert.Contains("title=\"SHA-256 ab12\"", text, StringComparison.Ordinal);
    }
}
