using ConflictForum.Features.Accounts;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Notifications;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Notifications;

/// <summary>Members hear of the steps on the record that concern them, never of their own.</summary>
public sealed class RecordNoticesTests : ClockedForumAppTest
{
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Each_party_is_told_of_the_other_side_s_steps_never_of_their_own_each_linking_to_its_entry()
    {
        var claimant = await MemberAsync("Dana");
        var respondent = await MemberAsync("Lamp Shop");
        var opened = await Given.OpenAsync(claimant);
        await Given.JoinAsync(respondent, opened.InvitationToken);
        await Given.EditStatementAsync(respondent, opened.DisputeId, "The lamp left us whole.");

        var dana = await PageAsync(claimant);
        Assert.Equal(["Both parties have posted their statements. The dispute is open for comments and votes.",
            "Lamp Shop posted the respondent's statement.", "Lamp Shop accepted the invitation and joined as the respondent. "
            + "Comments and votes open when their statement is posted, or at the response deadline ("
            + TimeText.Exact(Now.Add(TimeSpan.FromDays(7))) + ") without it."], dana.Items.Select(n => n.Text));
        Assert.Equal(3, dana.Unread);
        var joined = dana.Items[^1];
        Assert.Equal((TimelineKind.RespondentJoined, "Broken lamp and no refund"), (joined.Kind, joined.DisputeTitle));
        Assert.Equal($"disputes/{opened.DisputeId}#entry-{joined.Sequence}", joined.Link);
        // The respondent's own statement (and the opening it caused) tells them nothing.
        Assert.Empty((await PageAsync(respondent)).Items);

        var offer = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(claimant, opened.DisputeId,
            new OfferInput { Terms = "Refund the lamp.", ExpiresAt = Now.AddDays(1) }));
        Assert.True(offer.Succeeded, offer.Message);
        Assert.Equal(TimelineKind.OfferMade, (await PageAsync(respondent)).Items[0].Kind);
        Assert.Equal(3, (await PageAsync(claimant)).Unread); // their own offer tells them nothing
    }

    [Fact]
    public async Task A_refused_write_tells_nobody_and_a_member_reads_and_marks_only_their_own()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var before = (await PageAsync(respondent)).Items.Count;
        var refused = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(claimant, id,
            new OfferInput { Terms = "Refund.", ExpiresAt = Now.AddDays(-1) }));
        Assert.False(refused.Succeeded);
        Assert.Equal(before, (await PageAsync(respondent)).Items.Count);

        var mine = (await PageAsync(claimant)).Items[0];
        AssertRefusal.Is(NotificationCenter.NotYours,
            await WithAsync<NotificationCenter, Outcome>(c => c.MarkReadAsync(respondent, mine.Id)));
        Assert.True((await WithAsync<NotificationCenter, Outcome>(c => c.MarkReadAsync(claimant, mine.Id))).Succeeded);
        var after = await PageAsync(claimant);
        Assert.NotNull(after.Items[0].ReadAt);
        Assert.True((await WithAsync<NotificationCenter, Outcome>(c => c.MarkAllReadAsync(respondent))).Succeeded);
        Assert.Equal(0, await WithAsync<NotificationCenter, int>(c => c.UnreadAsync(respondent)));
        Assert.Equal(after.Unread, await WithAsync<NotificationCenter, int>(c => c.UnreadAsync(claimant))); // untouched
        Assert.Empty((await WithAsync<NotificationCenter, NotificationPage>(c => c.PageAsync(ForumActor.Anonymous))).Items);
    }

    [Fact]
    public async Task A_mediator_hears_the_parties_answers_and_the_parties_hear_the_mediator()
    {
        var mediator = await WithRoleAsync(await MemberAsync("Ines Mediator"), ForumRoles.Mediator);
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var mediation = (await WithAsync<MediationService, Outcome<int>>(s => s.RequestAsync(claimant, id))).Value;
        Assert.True((await WithAsync<MediationService, Outcome>(s => s.AnswerRequestAsync(respondent, mediation, true))).Succeeded);
        Assert.True((await WithAsync<MediationService, Outcome>(s => s.TakeAsync(mediator, mediation))).Succeeded);
        Assert.True((await WithAsync<MediationService, Outcome>(s =>
            s.PostNoteAsync(mediator, mediation, new MediatorTextInput { Text = "Let us start with the receipt." }))).Succeeded);
        Assert.True((await WithAsync<MediationService, Outcome>(s => s.EndAsync(respondent, mediation))).Succeeded);

        Assert.Equal([TimelineKind.MediationEnded, TimelineKind.MediatorNote, TimelineKind.MediationTaken, TimelineKind.MediationAnswered],
            (await PageAsync(claimant)).Items.Take(4).Select(n => n.Kind));
        Assert.Equal([TimelineKind.MediationEnded], (await PageAsync(mediator)).Items.Select(n => n.Kind));
    }

    [Fact]
    public async Task An_author_hears_of_a_reply_to_their_comment_and_of_a_moderator_hiding_and_restoring_their_words()
    {
        var (id, _, _) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var sam = await MemberAsync("Sam");
        var greg = await MemberAsync("Greg");
        var moderator = await Given.ModeratorAsync();
        var comment = await Given.CommentAsync(sam, id, "The shop should refund.");
        Assert.True((await WithAsync<ConflictForum.Features.Deliberation.DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(greg, id, "Why, exactly?", replyTo: comment))).Succeeded);
        Assert.Equal(["Greg replied to a comment."], (await PageAsync(sam)).Items.Select(n => n.Text));
        Assert.Empty((await PageAsync(greg)).Items); // their own reply

        await Given.HideCommentAsync(moderator, comment, "Off-topic");
        var hidden = (await PageAsync(sam)).Items[0];
        Assert.Equal(TimelineKind.Moderation, hidden.Kind);
        Assert.Contains("hid a comment by Sam", hidden.Text, StringComparison.Ordinal);
        Assert.Empty((await PageAsync(greg)).Items);
    }

    [Fact]
    public async Task A_page_of_notifications_is_newest_first_and_pages_on()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        for (var i = 0; i < NotificationCenter.PageSize + 3; i++)
            Assert.True((await WithAsync<ConflictForum.Features.Disputes.DisputeService, Outcome>(s =>
                s.PostReplyAsync(respondent, id, $"Reply {i}."))).Succeeded);

        var first = await PageAsync(claimant);
        Assert.Equal(NotificationCenter.PageSize, first.Items.Count);
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(p => p.First.Id > p.Second.Id));
        var second = await WithAsync<NotificationCenter, NotificationPage>(c => c.PageAsync(claimant, first.Before));
        Assert.True(second.Items.Count >= 3);
        Assert.True(second.Items[0].Id < first.Items[^1].Id);
    }

    private Task<NotificationPage> PageAsync(ForumActor member) =>
        WithAsync<NotificationCenter, NotificationPage>(c => c.PageAsync(member));
}
