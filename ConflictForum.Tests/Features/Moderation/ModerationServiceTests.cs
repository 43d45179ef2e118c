using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Record;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Moderation;

public sealed class ModerationServiceTests : ClockedForumAppTest
{
    private async Task<DisputeParties> OpenDisputeAsync() => await Given.DisputeBetweenAsync(
        "Claimant " + Guid.NewGuid().ToString("N")[..6], "Respondent " + Guid.NewGuid().ToString("N")[..6],
        Scenario.Dispute("Fence built on the wrong side", "The fence is a metre into my garden.", "Next door", "The fence is on my land."));

    private Task<T> Mod<T>(Func<ModerationService, Task<T>> action) where T : Outcome => WithAsync(action);

    private async Task<CommentView> SeenAsync(int disputeId, int commentId, ForumActor viewer) =>
        (await WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(disputeId, viewer))).Threads
            .Single(t => t.Comment.Id == commentId).Comment;

    private async Task<List<ModerationLogEntry>> LogAsync() =>
        [.. (await WithAsync<ModerationQueries, LogPage>(q => q.LogAsync())).Entries];

    private async Task<List<TimelineEntry>> ModerationEntriesAsync(int disputeId) =>
        [.. (await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(disputeId)))
            .Where(e => e.Kind == TimelineKind.Moderation)];

    private async Task<ForumActor> ModeratorAsync(string name) => await WithRoleAsync(await MemberAsync(name), ForumRoles.Moderator);

    [Fact]
    public async Task Three_distinct_members_flags_hide_a_comment_for_readers_until_a_moderator_reviews_it()
    {
        var w = await OpenDisputeAsync();
        var author = await MemberAsync("Loud Commenter");
        var comment = await Given.CommentAsync(author, w.DisputeId, "Everyone on this street is an idiot.");
        var flaggers = new[] { await MemberAsync("Flagger One"), await MemberAsync("Flagger Two"), await MemberAsync("Flagger Three") };

        AssertRefusal.Is(ModerationRefusals.OwnWords,
            await Mod(s => s.FlagAsync(author, ContentKind.Comment, comment, FlagReason.Abuse, null)));
        Assert.Equal("Say in a note what is wrong with it.",
            (await Mod(s => s.FlagAsync(flaggers[0], ContentKind.Comment, comment, FlagReason.Other, " "))).Message);
        Assert.True((await Mod(s => s.FlagAsync(flaggers[0], ContentKind.Comment, comment, FlagReason.Abuse, "Name-calling"))).Succeeded);
        AssertRefusal.Is(ModerationRefusals.AlreadyFlagged,
            await Mod(s => s.FlagAsync(flaggers[0], ContentKind.Comment, comment, FlagReason.Spam, null)));
        Assert.True((await Mod(s => s.FlagAsync(flaggers[1], ContentKind.Comment, comment, FlagReason.Abuse, null))).Succeeded);
        var reader = await MemberAsync("Passing Reader");
        Assert.NotNull((await SeenAsync(w.DisputeId, comment, reader)).Html); // two flags: still shown

        Assert.True((await Mod(s => s.FlagAsync(flaggers[2], ContentKind.Comment, comment, FlagReason.Abuse, null))).Succeeded);

        var seen = await SeenAsync(w.DisputeId, comment, reader);
        Assert.Null(seen.Html);
        Assert.Contains("flagged", seen.Hidden!.Text, StringComparison.Ordinal);
        Assert.Null((await SeenAsync(w.DisputeId, comment, ForumActor.Anonymous)).Html);
        // the author can read it to appeal
        Assert.Contains("idiot", (await SeenAsync(w.DisputeId, comment, author)).Html, StringComparison.Ordinal);
        var moderator = await ModeratorAsync("Fair Moderator");
        Assert.Contains("idiot", (await SeenAsync(w.DisputeId, comment, moderator)).Html, StringComparison.Ordinal);

        var queued = Assert.Single(await WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q => q.QueueAsync(moderator)));
        Assert.Equal(3, queued.Flags.Count);
        Assert.Equal("Name-calling", queued.Flags[0].Note);
        Assert.Equal(ModerationAction.AutoHidden, Assert.Single(await LogAsync()).Action);
        Assert.Contains("hidden until a moderator reviews it", Assert.Single(await ModerationEntriesAsync(w.DisputeId)).Summary,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hiding_restoring_and_dismissing_are_public_reasoned_reversible_and_on_the_record()
    {
        var w = await OpenDisputeAsync();
        var author = await MemberAsync("Commenter");
        var comment = await Given.CommentAsync(author, w.DisputeId, "Here is their home address: 12 Elm Road.");
        var moderator = await ModeratorAsync("Moderator Ann");

        Assert.Equal("Write the reason: everyone will read it.",
            (await Mod(s => s.HideAsync(moderator, ContentKind.Comment, comment, ""))).Message);
        Assert.True((await Mod(s => s.HideAsync(moderator, ContentKind.Comment, comment, "Personal information"))).Succeeded);
        var seen = await SeenAsync(w.DisputeId, comment, ForumActor.Anonymous);
        Assert.Equal("Hidden by a moderator: Personal information", seen.Hidden!.Text);
        Assert.Null(seen.Html);

        Assert.True((await Mod(s =>
            s.UnhideAsync(moderator, ContentKind.Comment, comment, "The address is the shop's, which is public"))).Succeeded);
        Assert.Null((await SeenAsync(w.DisputeId, comment, ForumActor.Anonymous)).Hidden);

        var flagger = await MemberAsync("Flagger");
        await Mod(s => s.FlagAsync(flagger, ContentKind.Comment, comment, FlagReason.PersonalInformation, null));
        Assert.True((await Mod(s => s.DismissFlagsAsync(moderator, ContentKind.Comment, comment, "A public business address"))).Succeeded);
        Assert.Empty(await WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q => q.QueueAsync(moderator)));

        Assert.Equal([ModerationAction.FlagsDismissed, ModerationAction.Unhidden, ModerationAction.Hidden],
            (await LogAsync()).Select(e => e.Action));
        Assert.All(await LogAsync(), e => Assert.Equal("Moderator Ann", e.ModeratorName));
        var timeline = await ModerationEntriesAsync(w.DisputeId);
        Assert.Equal(3, timeline.Count);
        Assert.Equal("Moderator Ann (moderator) hid a comment by Commenter: Personal information", timeline[0].Summary);
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(w.DisputeId))).Intact);
        // nothing was deleted
        Assert.Contains("12 Elm Road", (await SeenAsync(w.DisputeId, comment, ForumActor.Anonymous)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderators_do_not_moderate_their_own_disputes_or_words_and_members_do_not_moderate_at_all()
    {
        var w = await OpenDisputeAsync();
        var claimantModerator = await WithRoleAsync(w.Claimant, ForumRoles.Moderator);
        var respondentComment = await Given.CommentAsync(w.Respondent, w.DisputeId, "I disagree.");
        AssertRefusal.Is(ModerationRefusals.PartyToDispute,
            await Mod(s => s.HideAsync(claimantModerator, ContentKind.Comment, respondentComment, "Rude")));
        AssertRefusal.Is(ModerationRefusals.PartyToDispute,
            await Mod(s => s.SetCommentsLockedAsync(claimantModerator, w.DisputeId, true, "Heated")));

        var moderator = await ModeratorAsync("Commenting Moderator");
        var own = await Given.CommentAsync(moderator, w.DisputeId, "My own opinion.");
        AssertRefusal.Is(ModerationRefusals.OwnContent, await Mod(s => s.HideAsync(moderator, ContentKind.Comment, own, "Oops")));

        var member = await MemberAsync("Plain Member");
        AssertRefusal.Is(ModerationRefusals.ModeratorsOnly,
            await Mod(s => s.HideAsync(member, ContentKind.Comment, respondentComment, "Rude")));
        Assert.Empty(await LogAsync());
    }

    [Fact]
    public async Task The_author_appeals_once_and_a_different_moderator_decides()
    {
        var w = await OpenDisputeAsync();
        var author = await MemberAsync("Blunt Writer");
        var comment = await Given.CommentAsync(author, w.DisputeId, "This is a scam business.");
        var hider = await ModeratorAsync("Hider");
        var other = await ModeratorAsync("Second Look");
        await Mod(s => s.HideAsync(hider, ContentKind.Comment, comment, "Unfounded accusation"));

        var stranger = await MemberAsync("Stranger");
        AssertRefusal.Is(ModerationRefusals.OnlyAuthorAppeals,
            await Mod(s => s.AppealAsync(stranger, ContentKind.Comment, comment, "Unfair!")));
        Assert.True((await Mod(s =>
            s.AppealAsync(author, ContentKind.Comment, comment, "They took my money and never delivered."))).Succeeded);
        AssertRefusal.Is(ModerationRefusals.AppealedOnce, await Mod(s => s.AppealAsync(author, ContentKind.Comment, comment, "Again")));
        Assert.Equal("Your appeal is waiting for another moderator.", (await SeenAsync(w.DisputeId, comment, author)).Hidden!.AppealState);

        AssertRefusal.Is(ModerationRefusals.OwnHide,
            await Mod(s => s.DecideAppealAsync(hider, ContentKind.Comment, comment, restore: false, "Still unfounded")));
        AssertRefusal.Is(ModerationRefusals.AppealWaiting,
            await Mod(s => s.UnhideAsync(hider, ContentKind.Comment, comment, "Changed my mind")));
        Assert.True((await Mod(s => s.DecideAppealAsync(other, ContentKind.Comment, comment, restore: true,
            "An opinion about a business, fairly argued"))).Succeeded);

        Assert.Null((await SeenAsync(w.DisputeId, comment, ForumActor.Anonymous)).Hidden);
        Assert.Equal([ModerationAction.AppealGranted, ModerationAction.Appealed, ModerationAction.Hidden],
            (await LogAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task A_suspended_member_reads_but_cannot_write_flag_or_vote_even_through_an_actor_read_before_the_suspension()
    {
        var w = await OpenDisputeAsync();
        var troll = await MemberAsync("Troll");
        var moderator = await ModeratorAsync("Firm Moderator");
        var comment = await Given.CommentAsync(w.Respondent, w.DisputeId, "My side.");
        Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(troll, w.DisputeId, FaultOption.ClaimantAtFault))).Succeeded);

        var standing = new List<string>();
        using var subscription = App.Services.GetRequiredService<IDisputeEvents>().Subscribe(troll.UserId!, e =>
        {
            lock (standing) standing.Add(e.UserId);
            return Task.CompletedTask;
        });
        Assert.Equal("Write the reason: everyone will read it.",
            (await Mod(s => s.SuspendAsync(moderator, troll.UserId!, Clock.GetUtcNow().UtcDateTime.AddDays(1), ""))).Message);
        Assert.True((await Mod(s =>
            s.SuspendAsync(moderator, troll.UserId!, Clock.GetUtcNow().UtcDateTime.AddDays(1), "Brigading"))).Succeeded);

        // "troll" is the actor object read before the suspension: the services re-read the standing on every write.
        const string suspended = "Your account is suspended until 3 Nov 2026, 09:00 UTC: you can read, but not write, flag or vote.";
        Assert.Equal(suspended,
            (await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(troll, w.DisputeId, "Hah"))).Message);
        Assert.Equal(suspended,
            (await WithAsync<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(troll, w.DisputeId, FaultOption.Both))).Message);
        Assert.Equal(suspended, (await Mod(s => s.FlagAsync(troll, ContentKind.Comment, comment, FlagReason.Spam, null))).Message);
        Assert.Equal(suspended, (await WithAsync<DisputeService, Outcome<OpenedDispute>>(s => s.OpenDisputeAsync(troll, new OpenDisputeInput
        {
            Title = "A dispute of my own making", Summary = "Nothing.", RespondentName = "Anyone", Statement = "Nothing.",
        }))).Message);
        Assert.NotNull(await WithAsync<DeliberationService, TallyView?>(q => q.TallyAsync(w.DisputeId, troll))); // reading goes on
        await WaitUntilAsync(() => { lock (standing) return standing.Count == 1; });

        // The vote still counts until a moderator removes it; then the counters move and a recount agrees.
        Assert.Equal(1, (await WithAsync<DeliberationService, TallyView?>(q => q.TallyAsync(w.DisputeId, w.Claimant)))!.Total);
        Assert.Equal(1,
            (await WithAsync<ModerationService, Outcome<int>>(s => s.RemoveVotesAsync(moderator, troll.UserId!, "Brigading"))).Value);
        Assert.Equal(0, (await WithAsync<DeliberationService, TallyView?>(q => q.TallyAsync(w.DisputeId, w.Claimant)))!.Total);
        var admin = await WithRoleAsync(await MemberAsync("Counting Admin"), ForumRoles.Admin);
        Assert.True((await WithAsync<DeliberationService, Outcome<RecountReport>>(s =>
            s.RecountAsync(admin, w.DisputeId, repair: false))).Value!.Matches);
        Assert.Contains(await ModerationEntriesAsync(w.DisputeId), e =>
            e.Summary.Contains("removed the votes of Troll", StringComparison.Ordinal));

        Clock.Advance(TimeSpan.FromDays(1)); // the suspension runs out by itself
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(troll, w.DisputeId, "I'm back, and calmer."))).Succeeded);
        Assert.Equal([ModerationAction.VotesRemoved, ModerationAction.Suspended], (await LogAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Locked_comments_stop_new_comments_but_not_votes()
    {
        var w = await OpenDisputeAsync();
        var moderator = await ModeratorAsync("Calm Moderator");
        var reader = await MemberAsync("Reader");
        Assert.True((await Mod(s => s.SetCommentsLockedAsync(moderator, w.DisputeId, true, "Cooling off after a pile-on"))).Succeeded);

        AssertRefusal.Is(DeliberationRefusals.CommentsLocked,
            await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(reader, w.DisputeId, "One more thing")));
        Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(reader, w.DisputeId, FaultOption.Neither))).Succeeded);

        Assert.True((await Mod(s => s.SetCommentsLockedAsync(moderator, w.DisputeId, false, "Calm again"))).Succeeded);
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(reader, w.DisputeId, "Thanks"))).Succeeded);
        Assert.Equal(2, (await ModerationEntriesAsync(w.DisputeId)).Count);
    }

    [Fact]
    public async Task Admins_grant_and_revoke_roles_on_the_log_and_a_revoked_moderator_is_refused_at_once()
    {
        var w = await OpenDisputeAsync();
        var admin = await WithRoleAsync(await MemberAsync("Site Admin"), ForumRoles.Admin);
        var helper = await MemberAsync("New Helper");
        var comment = await Given.CommentAsync(w.Respondent, w.DisputeId, "Fine words.");

        AssertRefusal.Is(ModerationRefusals.OnlyAdminsManageRoles,
            await Mod(s => s.SetRoleAsync(helper, helper.UserId!, ForumRoles.Moderator, grant: true)));
        Assert.True((await Mod(s => s.SetRoleAsync(admin, helper.UserId!, ForumRoles.Moderator, grant: true))).Succeeded);
        var asModerator = await WithAsync<ForumActors, ForumActor>(a => a.ForUserAsync(helper.UserId));
        Assert.True(asModerator.IsModerator);

        Assert.True((await Mod(s => s.SetRoleAsync(admin, helper.UserId!, ForumRoles.Moderator, grant: false))).Succeeded);
        // asModerator still says IsModerator; the service re-reads and refuses.
        AssertRefusal.Is(ModerationRefusals.ModeratorsOnly,
            await Mod(s => s.HideAsync(asModerator, ContentKind.Comment, comment, "Testing")));
        AssertRefusal.Is(ModerationRefusals.OwnAdminRole,
            await Mod(s => s.SetRoleAsync(admin, admin.UserId!, ForumRoles.Admin, grant: false)));

        var log = await LogAsync();
        Assert.Equal([ModerationAction.RoleRevoked, ModerationAction.RoleGranted], log.Select(e => e.Action));
        Assert.Equal("Site Admin (admin) made New Helper a moderator.", ModerationText.Summary(log[1]));
    }

    [Fact]
    public async Task Every_kind_of_item_can_be_hidden_and_each_shows_the_placeholder_to_readers()
    {
        var w = await OpenDisputeAsync();
        var moderator = await ModeratorAsync("Thorough Moderator");
        Assert.True((await WithAsync<DisputeService, Outcome>(s =>
            s.PostReplyAsync(w.Respondent, w.DisputeId, "My phone is 07700 900123."))).Succeeded);
        var resolution = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(w.Respondent, w.DisputeId, "Pay me off now", "Or else."))).Value;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            var statement = await db.Statements.SingleAsync(s => s.DisputeId == w.DisputeId && s.Role == PartyRole.Claimant);
            var reply = await db.TimelineEntries.SingleAsync(e => e.DisputeId == w.DisputeId && e.Kind == TimelineKind.Reply);
            foreach (var (kind, id) in new[] { (ContentKind.Dispute, (long)w.DisputeId), (ContentKind.Statement, statement.Id),
                (ContentKind.Reply, reply.Id), (ContentKind.Resolution, resolution) })
            {
                var outcome = await Mod(s => s.HideAsync(moderator, kind, id, $"Hidden {kind} for the test"));
                Assert.True(outcome.Succeeded, outcome.Message);
            }
        }

        var reader = await MemberAsync("Reader");
        var view = (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(w.DisputeId, reader)))!;
        Assert.Equal("Hidden dispute", view.Dispute.Title);
        Assert.Equal("", view.ClaimantStatement!.Html);
        Assert.Equal("Hidden by a moderator: Hidden Statement for the test", view.ClaimantStatement.Hidden!.Text);
        var list = await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new DisputeListQuery()));
        Assert.Equal("Hidden dispute", list.Rows.Single(r => r.Dispute.Id == w.DisputeId).Dispute.Title);
        var timeline = await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(w.DisputeId, viewer: reader));
        Assert.Null(timeline.Single(e => e.Kind == TimelineKind.Reply).BodyHtml);
        Assert.DoesNotContain(timeline, e => e.Summary.Contains("Pay me off", StringComparison.Ordinal));
        var resolutionView = (await WithAsync<DeliberationQueries, IReadOnlyList<ResolutionView>>(q =>
            q.ResolutionsAsync(w.DisputeId, reader))).Single();
        Assert.Equal(("Hidden resolution", ""), (resolutionView.Title, resolutionView.Html));

        var claimantView = (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(w.DisputeId, w.Claimant)))!;
        Assert.Equal("Fence built on the wrong side", claimantView.Dispute.Title); // the author still reads (and may appeal)
        Assert.True(claimantView.ClaimantStatement!.Hidden!.CanAppeal);
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(w.DisputeId))).Intact);
    }

    [Fact]
    public async Task Hidden_words_do_not_leak_through_search_or_the_ranking_frozen_at_close()
    {
        var w = await OpenDisputeAsync();
        var moderator = await ModeratorAsync("Careful Moderator");
        var resolution = (await WithAsync<DeliberationService, Outcome<int>>(s => s.ProposeResolutionAsync(w.Respondent, w.DisputeId,
            "Pay Jo Bloggs at 12 Elm Road", "Or else."))).Value;
        Assert.True((await Mod(s => s.HideAsync(moderator, ContentKind.Resolution, resolution, "Personal information"))).Succeeded);
        Assert.True((await Mod(s => s.HideAsync(moderator, ContentKind.Dispute, w.DisputeId, "Names a private person"))).Succeeded);

        // Whether a hidden dispute matched a search would tell what its hidden words say.
        var found = await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new DisputeListQuery(Search: "wrong side")));
        Assert.DoesNotContain(found.Rows, r => r.Dispute.Id == w.DisputeId);

        Clock.Advance(TimeSpan.FromDays(8)); // voting closes at the next write: the ranking is frozen onto the timeline
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync());
        var reader = (await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(w.DisputeId)))
            .Single(e => e.Kind == TimelineKind.VerdictFrozen);
        Assert.DoesNotContain("Elm Road", reader.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("[a resolution hidden by a moderator]", reader.BodyHtml, StringComparison.Ordinal);
        var own = (await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(w.DisputeId, viewer: moderator)))
            .Single(e => e.Kind == TimelineKind.VerdictFrozen);
        Assert.Contains("Elm Road", own.BodyHtml, StringComparison.Ordinal);
        // the record itself is whole
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(q => q.VerifyRecordAsync(w.DisputeId))).Intact);
    }

    [Fact]
    public async Task A_flagged_comment_stays_until_a_moderator_reviews_it_and_then_its_author_may_delete_it()
    {
        // Until issue 15 the author could delete a flagged comment while it waited in the queue; now it stays as flagged
        // until a moderator decides, and a deleted comment can no longer be flagged.
        var w = await OpenDisputeAsync();
        var author = await MemberAsync("Regretful Author");
        var comment = await Given.CommentAsync(author, w.DisputeId, "Something I regret.");
        var flagger = await MemberAsync("Flagger");
        Assert.True((await Mod(s => s.FlagAsync(flagger, ContentKind.Comment, comment, FlagReason.Abuse, null))).Succeeded);
        Assert.Equal("A moderator is reviewing this comment, so it cannot be changed until they decide.",
            (await WithAsync<DeliberationService, Outcome>(s => s.DeleteCommentAsync(author, comment))).Message);

        var moderator = await ModeratorAsync("Tidy Moderator");
        Assert.True((await Mod(s => s.DismissFlagsAsync(moderator, ContentKind.Comment, comment, "Harsh but fair"))).Succeeded);
        Assert.Empty(await WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q => q.QueueAsync(moderator)));
        Assert.True((await WithAsync<DeliberationService, Outcome>(s => s.DeleteCommentAsync(author, comment))).Succeeded);
        Assert.Equal("This comment does not exist.",
            (await Mod(s => s.FlagAsync(moderator, ContentKind.Comment, comment, FlagReason.Spam, null))).Message);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }
}
