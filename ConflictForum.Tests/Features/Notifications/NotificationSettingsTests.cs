using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Notifications;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Notifications;

/// <summary>Each member chooses, per kind, how they hear of it; followers get one digest a day, never repeating a mail.</summary>
public sealed class NotificationSettingsTests : ClockedForumAppTest
{
    [Fact]
    public async Task A_party_chooses_forum_only_digest_or_off_and_each_choice_is_kept_from_the_next_step()
    {
        var dana = await Given.MemberAsync("Dana", "dana@example.test");
        var shop = await Given.MemberAsync("Lamp Shop", "shop@example.test");
        var id = (await Given.DisputeBetweenAsync(dana, shop)).DisputeId;
        Assert.Equal(NotificationDelivery.Immediately, (await SettingsAsync(dana))[NotificationTopic.Disputes]); // the default
        Assert.Equal(NotificationDelivery.Digest, (await SettingsAsync(dana))[NotificationTopic.Following]);

        await SetAsync(dana, NotificationTopic.Disputes, NotificationDelivery.Off);
        await ReplyAsync(shop, id, "One.");
        Assert.Equal(0, await CountAsync(dana, id)); // not even under the bell

        await SetAsync(dana, NotificationTopic.Disputes, NotificationDelivery.Forum);
        await ReplyAsync(shop, id, "Two.");
        Clock.Advance(TimeSpan.FromMinutes(3));
        await SendAsync();
        Assert.Equal(1, await CountAsync(dana, id));
        Assert.Empty(App.Mail.To("dana@example.test"));

        await SetAsync(dana, NotificationTopic.Disputes, NotificationDelivery.Digest);
        await ReplyAsync(shop, id, "Three.");
        await ReplyAsync(shop, id, "Four.");
        Clock.Advance(TimeSpan.FromMinutes(3));
        await SendAsync();
        Assert.Empty(App.Mail.To("dana@example.test")); // waits for the morning
        await AdvanceToNextDigestAsync();
        await SendAsync();
        var digest = Assert.Single(App.Mail.To("dana@example.test"));
        Assert.Contains("Your disputes: 2 new steps on 1 dispute today", digest.Subject, StringComparison.Ordinal);
        Assert.Contains($"/disputes/{id}#entry-", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Stop these e-mails about your disputes", digest.TextBody, StringComparison.Ordinal);

        var refused = await WithAsync<NotificationPreferences, Outcome>(p =>
            p.SetAsync(dana, NotificationTopic.Disputes, (NotificationDelivery)42));
        Assert.Equal(NotificationPreferences.UnknownChoice, refused.Message);
        Assert.Equal(NotificationDelivery.Digest, (await SettingsAsync(dana))[NotificationTopic.Disputes]); // unchanged
        Assert.False((await WithAsync<NotificationPreferences, Outcome>(p =>
            p.SetAsync(ForumActor.Anonymous, NotificationTopic.Disputes, NotificationDelivery.Off))).Succeeded);
    }

    [Fact]
    public async Task Mail_waiting_to_go_out_follows_a_changed_choice_and_stops_when_mail_is_stopped()
    {
        var dana = await Given.MemberAsync("Dana", "dana@example.test");
        var shop = await Given.MemberAsync("Lamp Shop", "shop@example.test");
        var id = (await Given.DisputeBetweenAsync(dana, shop)).DisputeId;
        await ReplyAsync(shop, id, "Waiting to be mailed.");
        await SetAsync(dana, NotificationTopic.Disputes, NotificationDelivery.Digest);
        Clock.Advance(TimeSpan.FromMinutes(3));
        await SendAsync();
        Assert.Empty(App.Mail.To("dana@example.test")); // moved to the digest

        await SetAsync(dana, NotificationTopic.Disputes, NotificationDelivery.Forum);
        await AdvanceToNextDigestAsync();
        await SendAsync();
        Assert.Empty(App.Mail.To("dana@example.test")); // and out of mail altogether
        Assert.True(await CountAsync(dana, id) >= 1);
    }

    [Fact]
    public async Task Followers_get_one_digest_a_day_across_disputes_without_what_they_read_or_what_was_mailed_before()
    {
        var fay = await Given.MemberAsync("Fay", "fay@example.test");
        var first = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var second = await Given.DisputeBetweenAsync("Omar", "Bike Co", Scenario.Dispute("Bike never delivered"));
        await WithAsync<FollowerFanOut, int>(f => f.RunAsync()); // the statements, before Fay followed
        foreach (var id in new[] { first.DisputeId, second.DisputeId })
            Assert.True((await WithAsync<Following, Outcome>(f => f.SetAsync(fay, id, follow: true))).Succeeded);

        await ProposeAsync(first.Claimant, first.DisputeId, "Refund half");
        await ProposeAsync(second.Claimant, second.DisputeId, "Deliver it");
        await ProposeAsync(second.Respondent, second.DisputeId, "Refund it");
        await WithAsync<FollowerFanOut, int>(f => f.RunAsync());
        Clock.Advance(TimeSpan.FromMinutes(10));
        await SendAsync();
        Assert.Empty(App.Mail.To("fay@example.test")); // followers are not mailed step by step

        await AdvanceToNextDigestAsync();
        Assert.Equal(1, await SendAsync());
        var digest = Assert.Single(App.Mail.To("fay@example.test"));
        Assert.Contains("Disputes you follow: 3 new steps on 2 disputes today", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Bike never delivered", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/disputes/{first.DisputeId}#entry-", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("which you follow", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, await SendAsync()); // never twice

        // The next day: one step read in the forum before the digest, one not; only the unread one is mailed.
        await ProposeAsync(first.Respondent, first.DisputeId, "Replace it");
        await ProposeAsync(second.Claimant, second.DisputeId, "Pay the courier");
        await WithAsync<FollowerFanOut, int>(f => f.RunAsync());
        var page = await WithAsync<NotificationCenter, NotificationPage>(c => c.PageAsync(fay));
        var read = page.Items.First(n => n.DisputeId == second.DisputeId && n.ReadAt is null);
        Assert.True((await WithAsync<NotificationCenter, Outcome>(c => c.MarkReadAsync(fay, read.Id))).Succeeded);
        await AdvanceToNextDigestAsync();
        await SendAsync();
        var mails = App.Mail.To("fay@example.test");
        Assert.Equal(2, mails.Count);
        var next = mails[^1];
        Assert.Contains("1 new step on 1 dispute", next.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Bike never delivered", next.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Refund half", next.TextBody, StringComparison.Ordinal); // already mailed yesterday
    }

    private Task AdvanceToNextDigestAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        Clock.Advance(new NotificationOptions().NextDigest(now) - now + TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    private async Task ProposeAsync(ForumActor member, int id, string title) =>
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(member, id, title, $"{title}, as proposed."))).Succeeded);

    private Task<IReadOnlyDictionary<NotificationTopic, NotificationDelivery>> SettingsAsync(ForumActor member) =>
        WithAsync<NotificationPreferences, IReadOnlyDictionary<NotificationTopic, NotificationDelivery>>(p => p.GetAsync(member));

    private async Task SetAsync(ForumActor member, NotificationTopic topic, NotificationDelivery delivery) =>
        Assert.True((await WithAsync<NotificationPreferences, Outcome>(p => p.SetAsync(member, topic, delivery))).Succeeded);

    private async Task<int> CountAsync(ForumActor member, int disputeId) =>
        (await WithAsync<NotificationCenter, NotificationPage>(c => c.PageAsync(member)))
        .Items.Count(n => n.DisputeId == disputeId && n.Kind == ConflictForum.Features.Timeline.TimelineKind.Reply);

    private async Task ReplyAsync(ForumActor party, int disputeId, string text) =>
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.PostReplyAsync(party, disputeId, text))).Succeeded);

    private Task<int> SendAsync() => WithAsync<NotificationMailer, int>(m => m.SendDueAsync());
}
