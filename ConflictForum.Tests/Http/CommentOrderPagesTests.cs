using System.Net;
using System.Text.RegularExpressions;
using ConflictForum.Features.Deliberation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>
/// A reader without a circuit orders the discussion by links (<c>?comments=newest</c>) and opens a comment's permalink: the
/// server answers each with the page as asked.
/// </summary>
public sealed partial class CommentOrderPagesTests : ForumAppTest
{
    private sealed record Discussion(int DisputeId, int A, int B, int C, int HiddenReply);

    /// <summary>Threads A, B, C, oldest first: B has two replies, C one (and one hidden, which does not count), A none.</summary>
    private async Task<Discussion> DiscussionAsync()
    {
        var d = await Given.DisputeBetweenAsync("Tenant Tom", "Landlord Lee");
        var reader = await MemberAsync("Reader Rae");
        var a = await Given.CommentAsync(reader, d.DisputeId, "Thread A.");
        var b = await Given.CommentAsync(reader, d.DisputeId, "Thread B.");
        var c = await Given.CommentAsync(reader, d.DisputeId, "Thread C.");
        await ReplyAsync(d.Claimant, d.DisputeId, b, "First reply to B.");
        await ReplyAsync(d.Respondent, d.DisputeId, b, "Second reply to B.");
        await ReplyAsync(d.Claimant, d.DisputeId, c, "Reply to C.");
        var hidden = await ReplyAsync(d.Respondent, d.DisputeId, c, "Call me on 07700 900123.");
        await Given.HideCommentAsync(await Given.ModeratorAsync(), hidden, "Personal information");
        return new(d.DisputeId, a, b, c, hidden);
    }

    private async Task<int> ReplyAsync(ForumActor author, int disputeId, int parent, string text)
    {
        var outcome = await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(author, disputeId, text, parent));
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value;
    }

    private async Task<string> GetAsync(string path)
    {
        var (status, html) = await GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return html;
    }

    private static void AssertInOrder(string html, params string[] texts)
    {
        var at = texts.Select(t => html.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);
    }

    /// <summary>The order link the page marks as the current one.</summary>
    private static string Current(string html)
    {
        var bar = html[html.IndexOf("data-testid=\"comment-order\"", StringComparison.Ordinal)..];
        var match = CurrentOrder().Match(bar);
        Assert.True(match.Success, bar[..Math.Min(bar.Length, 1500)]);
        return match.Groups[1].Value.Trim();
    }

    [GeneratedRegex("aria-current=\"true\"[^>]*>\\s*<span class=\"mud-button-label\">([^<]+)</span>")]
    private static partial Regex CurrentOrder();

    [Fact]
    public async Task Each_order_is_a_real_link_the_server_answers_in_that_order()
    {
        var d = await DiscussionAsync();

        var oldest = await GetAsync($"/disputes/{d.DisputeId}");
        Assert.Contains($"href=\"disputes/{d.DisputeId}?comments=newest#comments\"", oldest, StringComparison.Ordinal);
        Assert.Contains($"href=\"disputes/{d.DisputeId}?comments=replied#comments\"", oldest, StringComparison.Ordinal);
        Assert.Equal("Oldest", Current(oldest));
        AssertInOrder(oldest, "Thread A.", "Thread B.", "Thread C.");
        Assert.Contains("data-live-region=\"comments\"", oldest, StringComparison.Ordinal);

        var newest = await GetAsync($"/disputes/{d.DisputeId}?comments=newest");
        Assert.Equal("Newest", Current(newest));
        AssertInOrder(newest, "Thread C.", "Thread B.", "Thread A.");
        // The stream renders the first order for every reader: a live swap must not take this reader's order away.
        Assert.DoesNotContain("data-live-region=\"comments\"", newest, StringComparison.Ordinal);
        Assert.Contains("data-live-region=\"timeline\"", newest, StringComparison.Ordinal);

        var replied = await GetAsync($"/disputes/{d.DisputeId}?comments=replied");
        Assert.Equal("Most replied", Current(replied));
        AssertInOrder(replied, "Thread B.", "Thread C.", "Thread A."); // C's hidden reply does not count: 2 > 1, then newest

        Assert.Equal("Oldest", Current(await GetAsync($"/disputes/{d.DisputeId}?comments=sideways"))); // nonsense: the first order
    }

    [Fact]
    public async Task Every_comment_has_an_anchor_and_a_permalink_and_a_hidden_one_links_to_its_notice()
    {
        var d = await DiscussionAsync();

        var page = await GetAsync($"/disputes/{d.DisputeId}");
        foreach (var id in new[] { d.A, d.B, d.C, d.HiddenReply })
        {
            Assert.Contains($"id=\"comment-{id}\"", page, StringComparison.Ordinal);
            Assert.Contains($"href=\"disputes/{d.DisputeId}?comment={id}#comment-{id}\"", page, StringComparison.Ordinal);
        }

        var linked = await GetAsync($"/disputes/{d.DisputeId}?comment={d.HiddenReply}");
        Assert.Contains($"id=\"comment-{d.HiddenReply}\"", linked, StringComparison.Ordinal);
        Assert.Contains("Hidden by a moderator: Personal information", linked, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900123", linked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permalink_to_a_reply_past_the_first_page_shows_its_thread_and_paging_keeps_the_order()
    {
        var d = await Given.DisputeBetweenAsync("Tenant Tom", "Landlord Lee");
        var per = DeliberationQueries.ThreadsPerPage;
        var last = 0;
        for (var i = 1; i <= per + 1; i++) last = await Given.CommentAsync(d.Claimant, d.DisputeId, $"Comment number {i}.");
        var reply = await ReplyAsync(d.Respondent, d.DisputeId, last, "The reply someone shared.");

        var first = await GetAsync($"/disputes/{d.DisputeId}");
        Assert.DoesNotContain("The reply someone shared.", first, StringComparison.Ordinal);

        var linked = await GetAsync($"/disputes/{d.DisputeId}?comment={reply}");
        Assert.Contains($"id=\"comment-{reply}\"", linked, StringComparison.Ordinal);
        Assert.Contains("The reply someone shared.", linked, StringComparison.Ordinal);
        Assert.Contains("Comment number 1.", linked, StringComparison.Ordinal); // the first page as well
        Assert.DoesNotContain("data-live-region=\"comments\"", linked, StringComparison.Ordinal);

        var newest = await GetAsync($"/disputes/{d.DisputeId}?comments=newest");
        Assert.Contains($"href=\"disputes/{d.DisputeId}?comments=newest&pages=2#comments\"", newest, StringComparison.Ordinal);
        Assert.DoesNotContain("Comment number 1.", newest, StringComparison.Ordinal);
        var more = await GetAsync($"/disputes/{d.DisputeId}?comments=newest&pages=2");
        AssertInOrder(more, $"Comment number {per + 1}.", "Comment number 2.", "Comment number 1.");
    }
}
