using ConflictForum.Features.Content;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Notifications;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Notifications;

/// <summary>Reminders of what is coming: deadlines two days and one day ahead, and the moderation queue's old items.</summary>
public sealed class NotificationRemindersTests : ClockedForumAppTest
{
    [Fact]
    public async Task Both_parties_are_reminded_two_days_and_one_day_before_voting_closes_once_each_and_by_their_choice()
    {
        var dana = await Given.MemberAsync("Dana", "dana@example.test");
        var shop = await Given.MemberAsync("Lamp Shop", "shop@example.test");
        var id = (await Given.DisputeBetweenAsync(dana, shop)).DisputeId;
        var closes = (await Given.StoredAsync(id)).VotingClosesAt!.Value;

        Clock.Advance(closes - Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(49));
        Assert.Equal(0, await RemindAsync()); // not yet
        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(2, await RemindAsync());
        Assert.Equal(0, await RemindAsync()); // once, however often the sweep runs
        var reminder = Assert.Single(await RemindersAsync(dana));
        Assert.Equal(NotificationReminder.VotingCloses48Hours, reminder.Reminder);
        Assert.Equal($"disputes/{id}#fault", reminder.Link);
        Assert.Contains("Voting closes on", reminder.Text, StringComparison.Ordinal);

        await SetAsync(shop, NotificationTopic.Deadlines, NotificationDelivery.Off);
        Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await RemindAsync()); // the one-day reminder, for Dana only
        Assert.Equal(NotificationReminder.VotingCloses24Hours, (await RemindersAsync(dana))[0].Reminder);
        Assert.Single(await RemindersAsync(shop));

        Clock.Advance(TimeSpan.FromMinutes(3));
        await WithAsync<NotificationMailer, int>(m => m.SendDueAsync());
        Assert.Contains(App.Mail.To("dana@example.test"), m => m.TextBody!.Contains("Voting closes on", StringComparison.Ordinal)
            && m.TextBody!.Contains($"/disputes/{id}#fault", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_respondent_who_joined_is_reminded_of_their_statement_and_a_deadline_first_seen_within_a_day_gets_one_reminder()
    {
        var dana = await MemberAsync("Dana");
        var shop = await MemberAsync("Lamp Shop");
        var id = (await Given.JoinedDisputeAsync(dana, shop)).DisputeId;
        var due = (await Given.StoredAsync(id)).ResponseDeadline;

        Clock.Advance(due - Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(20));
        Assert.Equal(1, await RemindAsync());
        var reminder = Assert.Single(await RemindersAsync(shop));
        Assert.Equal(NotificationReminder.StatementDue24Hours, reminder.Reminder);
        Assert.Equal($"disputes/{id}#statements", reminder.Link);
        Assert.Contains("Your statement is due by", reminder.Text, StringComparison.Ordinal);
        Assert.Empty(await RemindersAsync(dana)); // the claimant has nothing to do
        Assert.Equal(0, await RemindAsync());
    }

    [Fact]
    public async Task Moderators_hear_once_per_period_when_items_wait_in_the_queue_too_long()
    {
        var (id, dana, _) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var moderator = await Given.ModeratorAsync("Moderator Mo");
        var member = await MemberAsync("Reader");
        var comment = await Given.CommentAsync(dana, id, "A comment someone objects to.");
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(member, ContentKind.Comment, comment, FlagReason.Abuse, "Rude"))).Succeeded);

        Assert.Equal(0, await AlertAsync()); // new in the queue
        Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, await AlertAsync());
        Assert.Equal(0, await AlertAsync()); // once per period
        var alert = Assert.Single(await RemindersAsync(moderator));
        Assert.Equal(NotificationReminder.ModerationQueue, alert.Reminder);
        Assert.Equal("moderation", alert.Link);
        Assert.Contains("1 item has waited in the moderation queue for more than 24 hours", alert.Text, StringComparison.Ordinal);
        Assert.Empty(await RemindersAsync(member));

        Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await AlertAsync()); // still waiting a day later: told again
    }

    private Task<int> RemindAsync() => WithAsync<DeadlineReminders, int>(r => r.RunAsync());

    private Task<int> AlertAsync() => WithAsync<ModerationQueueAlerts, int>(r => r.RunAsync());

    private async Task<List<Notification>> RemindersAsync(ForumActor member) =>
        [.. (await WithAsync<NotificationCenter, NotificationPage>(c => c.PageAsync(member))).Items
            .Where(n => n.Reminder != NotificationReminder.None)];

    private async Task SetAsync(ForumActor member, NotificationTopic topic, NotificationDelivery delivery) =>
        Assert.True((await WithAsync<NotificationPreferences, Outcome>(p => p.SetAsync(member, topic, delivery))).Succeeded);
}
