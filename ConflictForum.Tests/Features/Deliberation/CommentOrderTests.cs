using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Deliberation;

/// <summary>The discussion in each order, paged, and a permalinked comment's thread wherever it falls.</summary>
public sealed class CommentOrderTests : ClockedForumAppTest
{
    private sealed record Discussion(int DisputeId, ForumActor Reader, int A, int B, int C, int D, int ReplyToC);

    /// <summary>
    /// Four threads, oldest first A, B, C, D. A has two replies no reader sees (one hidden, one deleted); B and D one each;
    /// C two.
    /// </summary>
    private async Task<Discussion> DiscussionAsync()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var reader = await MemberAsync("Reader");
        var other = await MemberAsync("Other");
        var a = await Given.CommentAsync(reader, d.DisputeId, "A");
        var b = await Given.CommentAsync(reader, d.DisputeId, "B");
        var c = await Given.CommentAsync(reader, d.DisputeId, "C");
        var dd = await Given.CommentAsync(reader, d.DisputeId, "D");
        var hidden = await ReplyAsync(other, d.DisputeId, a, "Hidden reply to A");
        var deleted = await ReplyAsync(other, d.DisputeId, a, "Deleted reply to A");
        await ReplyAsync(other, d.DisputeId, b, "Reply to B");
        var replyToC = await ReplyAsync(other, d.DisputeId, c, "Reply to C");
        await ReplyAsync(reader, d.DisputeId, c, "Second reply to C");
        await ReplyAsync(other, d.DisputeId, dd, "Reply to D");
        await Given.HideCommentAsync(await Given.ModeratorAsync(), hidden, "Personal information");
        Assert.True((await WithAsync<DeliberationService, Outcome>(s => s.DeleteCommentAsync(other, deleted))).Succeeded);
        return new(d.DisputeId, reader, a, b, c, dd, replyToC);
    }

    private async Task<int> ReplyAsync(ForumActor author, int disputeId, int parent, string text)
    {
        var outcome = await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(author, disputeId, text, parent));
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value;
    }

    private Task<CommentPage> PageAsync(Discussion d, CommentOrder order, int take = 10, int? after = null, int skip = 0,
        int? including = null) =>
        WithAsync<DeliberationQueries, CommentPage>(q =>
            q.CommentsAsync(d.DisputeId, ForumActor.Anonymous, after, take, order, skip, including));

    private static int[] Tops(CommentPage page) => [.. page.Threads.Select(t => t.Comment.Id)];

    [Fact]
    public async Task Threads_come_oldest_first_newest_first_or_by_the_replies_readers_see()
    {
        var d = await DiscussionAsync();

        Assert.Equal([d.A, d.B, d.C, d.D], Tops(await PageAsync(d, CommentOrder.Oldest)));
        Assert.Equal([d.D, d.C, d.B, d.A], Tops(await PageAsync(d, CommentOrder.Newest)));
        // A's hidden and deleted replies do not count: it has none a reader sees. B and D tie on one, the newer first.
        var mostReplied = await PageAsync(d, CommentOrder.MostReplied);
        Assert.Equal([d.C, d.D, d.B, d.A], Tops(mostReplied));
        // Replies inside a thread still read as a conversation, oldest first.
        Assert.Equal(["<p>Reply to C</p>", "<p>Second reply to C</p>"],
            mostReplied.Threads[0].Replies.Select(r => r.Html!.Trim()));
    }

    [Fact]
    public async Task Each_order_pages_on_without_repeating_or_skipping_a_thread()
    {
        var d = await DiscussionAsync();

        var newest = await PageAsync(d, CommentOrder.Newest, take: 2);
        Assert.Equal([d.D, d.C], Tops(newest));
        Assert.NotNull(newest.NextAfter);
        var older = await PageAsync(d, CommentOrder.Newest, take: 2, after: newest.NextAfter);
        Assert.Equal([d.B, d.A], Tops(older));
        Assert.Null(older.NextAfter);

        var replied = await PageAsync(d, CommentOrder.MostReplied, take: 3);
        Assert.Equal([d.C, d.D, d.B], Tops(replied));
        Assert.NotNull(replied.NextAfter);
        var rest = await PageAsync(d, CommentOrder.MostReplied, take: 3, skip: 3);
        Assert.Equal([d.A], Tops(rest));
        Assert.Null(rest.NextAfter);
    }

    [Fact]
    public async Task A_linked_reply_brings_its_thread_to_a_page_that_would_not_hold_it()
    {
        var d = await DiscussionAsync();

        var page = await PageAsync(d, CommentOrder.Oldest, take: 1, including: d.ReplyToC);
        Assert.Equal([d.C, d.A], Tops(page));
        Assert.Contains(page.Threads[0].Replies, r => r.Id == d.ReplyToC);
        Assert.NotNull(page.NextAfter); // the page goes on after A, its own last thread
        Assert.Equal([d.A, d.B], Tops(await PageAsync(d, CommentOrder.Oldest, take: 2, including: d.A))); // already there: once
        Assert.Equal([d.A], Tops(await PageAsync(d, CommentOrder.Oldest, take: 1, including: 999_999))); // not on the dispute
    }

    [Fact]
    public void Orders_are_named_in_the_address_and_anything_else_reads_as_oldest()
    {
        Assert.Equal(CommentOrder.Newest, CommentOrders.Parse("newest"));
        Assert.Equal(CommentOrder.MostReplied, CommentOrders.Parse("Replied"));
        Assert.Equal(CommentOrder.Oldest, CommentOrders.Parse("2"));
        Assert.Equal(CommentOrder.Oldest, CommentOrders.Parse(null));
        Assert.All(CommentOrders.All, o => Assert.Equal(o, CommentOrders.Parse(CommentOrders.Name(o))));
    }

    [Fact]
    public async Task A_reader_s_flags_on_a_dispute_are_read_at_once_and_a_new_flag_joins_them()
    {
        var d = await DiscussionAsync();
        var flagger = await MemberAsync("Flagger");
        var flagged = await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(flagger, ContentKind.Comment, d.B, FlagReason.Spam, null));
        Assert.True(flagged.Succeeded, flagged.Message);
        // The service still refuses a second flag from the same member.
        Assert.False((await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(flagger, ContentKind.Comment, d.B, FlagReason.Spam, null))).Succeeded);

        var contexts = App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();
        var mine = new ReaderFlags(contexts); // one per page (scoped)
        await mine.LoadAsync(flagger, d.DisputeId);
        Assert.True(mine.Has(ContentKind.Comment, d.B));
        Assert.False(mine.Has(ContentKind.Comment, d.A));
        Assert.True(await mine.HasAsync(flagger, ContentKind.Comment, d.B));
        mine.Add(ContentKind.Comment, d.A);
        Assert.True(mine.Has(ContentKind.Comment, d.A));

        var theirs = new ReaderFlags(contexts); // nothing read for this page: one read of the item
        Assert.False(await theirs.HasAsync(d.Reader, ContentKind.Comment, d.B));
        Assert.True(await theirs.HasAsync(flagger, ContentKind.Comment, d.B));
        await theirs.LoadAsync(ForumActor.Anonymous, d.DisputeId);
        Assert.False(theirs.Has(ContentKind.Comment, d.B));
    }
}
