using ConflictForum.Features;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Moderation;

/// <summary>
/// Flags hide words, so they take the same standing as votes: a few fresh or suspended accounts cannot hide anyone's statement.
/// </summary>
public sealed class FlagStandingTests()
    : ClockedForumAppTest(new Dictionary<string, string?> { ["Voting:MinimumAccountAge"] = "1.00:00:00" })
{
    private async Task<(int DisputeId, int Comment)> CommentedDisputeAsync()
    {
        var opened = await Given.DisputeBetweenAsync("Claimant", "Courier",
            Scenario.Dispute("Parcel left in the rain", "The courier left it outside.", "Courier", "It was soaked."));
        return (opened.DisputeId,
            await Given.CommentAsync(await MemberAsync("Outspoken Author"), opened.DisputeId, "Couriers never care."));
    }

    private Task<Outcome> FlagAsync(ForumActor flagger, int comment) =>
        WithAsync<ModerationService, Outcome>(s => s.FlagAsync(flagger, ContentKind.Comment, comment, FlagReason.Abuse, null));

    private async Task<bool> HiddenAsync(int disputeId, int comment) =>
        (await WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(disputeId, ForumActor.Anonymous))).Threads
            .Single(t => t.Comment.Id == comment).Comment.Hidden is not null;

    [Fact]
    public async Task Three_new_accounts_cannot_flag()
    {
        var (disputeId, comment) = await CommentedDisputeAsync();
        Clock.Advance(TimeSpan.FromHours(2));
        var newcomers = new[] { await MemberAsync("New One"), await MemberAsync("New Two"), await MemberAsync("New Three") };

        foreach (var newcomer in newcomers)
            Assert.Equal("New accounts can flag 24 hours after joining: 24 hours to go.", (await FlagAsync(newcomer, comment)).Message);
        Assert.False(await HiddenAsync(disputeId, comment));
        Assert.Empty(await WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q =>
            q.QueueAsync(new ForumActor("nobody", "Nobody", IsModerator: true, IsAdmin: false, AccountCreatedAt: null))));

        Clock.Advance(TimeSpan.FromDays(1)); // old enough now
        foreach (var newcomer in newcomers) Assert.True((await FlagAsync(newcomer, comment)).Succeeded);
        Assert.True(await HiddenAsync(disputeId, comment));
    }

    [Fact]
    public async Task Flags_from_suspended_members_do_not_count_toward_auto_hide()
    {
        var (disputeId, comment) = await CommentedDisputeAsync();
        var flaggers = new[] { await MemberAsync("Flagger One"), await MemberAsync("Flagger Two"), await MemberAsync("Flagger Three") };
        var moderator = await WithRoleAsync(await MemberAsync("Moderator"), ForumRoles.Moderator);
        Clock.Advance(TimeSpan.FromDays(2));

        Assert.True((await FlagAsync(flaggers[0], comment)).Succeeded);
        Assert.True((await FlagAsync(flaggers[1], comment)).Succeeded);
        foreach (var flagger in flaggers[..2])
        {
            Assert.True((await WithAsync<ModerationService, Outcome>(s =>
                s.SuspendAsync(moderator, flagger.UserId!, ForumGuardian.Permanently, "Flag brigade"))).Succeeded);
        }

        // The third flag would make three, but two of the flaggers are no longer in good standing.
        Assert.True((await FlagAsync(flaggers[2], comment)).Succeeded);
        Assert.False(await HiddenAsync(disputeId, comment));
        var queued = Assert.Single(await WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q => q.QueueAsync(moderator)));
        Assert.Equal(3, queued.State.OpenFlags); // still queued for a moderator to look at

        var fourth = await MemberAsync("Flagger Four");
        var fifth = await MemberAsync("Flagger Five");
        Clock.Advance(TimeSpan.FromDays(2));
        Assert.True((await FlagAsync(fourth, comment)).Succeeded);
        Assert.False(await HiddenAsync(disputeId, comment));
        Assert.True((await FlagAsync(fifth, comment)).Succeeded);
        Assert.True(await HiddenAsync(disputeId, comment)); // three members in good standing
    }
}
