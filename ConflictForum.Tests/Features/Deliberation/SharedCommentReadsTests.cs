using ConflictForum.Features.Deliberation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Deliberation;

/// <summary>
/// After a change, every open page reloads the discussion: the rows are read once for all of them, and each reader still
/// sees the threads as they may (their own comments editable, a hidden comment's text only for those who may read it).
/// </summary>
public sealed class SharedCommentReadsTests : QueryCountingTest
{
    [Fact]
    public async Task Pages_reloading_after_the_same_change_share_one_read_and_each_sees_the_discussion_as_it_may()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var (ada, bob, moderator) = (await MemberAsync("Ada"), await MemberAsync("Bob"), await Given.ModeratorAsync());
        await Given.CommentAsync(ada, d.DisputeId, "Ada's own point.");
        var rude = await Given.CommentAsync(bob, d.DisputeId, "Something rude.");
        await Given.HideCommentAsync(moderator, rude, "Insults");
        var version = (await Given.StoredAsync(d.DisputeId)).Version;

        var ((forAda, forBob, forModerator), queries) = await Counter.CountAsync(async () => (
            await CommentsAsync(d.DisputeId, ada, version), await CommentsAsync(d.DisputeId, bob, version),
            await CommentsAsync(d.DisputeId, moderator, version)));

        Assert.InRange(queries, 1, 6); // one page's read, not three
        Assert.True(forAda.Threads[0].Comment.CanEdit);
        Assert.Equal("Ada's own point.", forAda.Threads[0].Comment.Source);
        Assert.False(forBob.Threads[0].Comment.CanEdit);
        Assert.Null(forBob.Threads[0].Comment.Source);
        Assert.Null(forAda.Threads[1].Comment.Html); // hidden from others
        Assert.Contains("Something rude.", forBob.Threads[1].Comment.Html, StringComparison.Ordinal); // its author reads it
        Assert.Contains("Something rude.", forModerator.Threads[1].Comment.Html, StringComparison.Ordinal);
        Assert.All([forAda, forBob, forModerator], page => Assert.NotNull(page.Threads[1].Comment.Hidden));
    }

    [Fact]
    public async Task A_read_shared_at_one_version_never_serves_a_page_that_heard_of_a_later_comment()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var ada = await MemberAsync("Ada");
        await Given.CommentAsync(ada, d.DisputeId, "First.");
        var before = await CommentsAsync(d.DisputeId, ada, (await Given.StoredAsync(d.DisputeId)).Version);

        await Given.CommentAsync(ada, d.DisputeId, "Second.");
        var after = await CommentsAsync(d.DisputeId, ada, (await Given.StoredAsync(d.DisputeId)).Version);

        Assert.Single(before.Threads);
        Assert.Equal(2, after.Threads.Count);
        Assert.Equal(2, after.Count);
    }

    private Task<CommentPage> CommentsAsync(int disputeId, ForumActor viewer, int version) =>
        WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(disputeId, viewer, atLeastVersion: version));
}
