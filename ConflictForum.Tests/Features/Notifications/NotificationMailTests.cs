using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Notifications;
using ConflictForum.Platform;
using ConflictForum.Platform.Email;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ConflictForum.Tests.Features.Notifications;

/// <summary>The parties' mail, from the outbox their steps wrote: once, coalesced, retried, and stopped by one click.</summary>
public sealed class NotificationMailTests : ClockedForumAppTest
{
    [Fact]
    public async Task A_burst_of_steps_goes_out_as_one_mail_after_the_delay_with_a_one_click_unsubscribe_and_never_twice()
    {
        var (id, dana, shop) = await PartiesAsync();
        await ReplyAsync(shop, id, "First.");
        await ReplyAsync(shop, id, "Second.");
        Assert.Equal(0, await SendAsync()); // not yet: a burst waits to go out together

        Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(2, await SendAsync()); // one to each party: Dana hears of the shop's steps, the shop of Dana's
        Assert.Equal(0, await SendAsync());
        var mail = Assert.Single(App.Mail.To("dana@example.test"));
        Assert.Contains("Lamp Shop (respondent) replied.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("First.", mail.TextBody, StringComparison.Ordinal); // the summary, never the words themselves
        Assert.StartsWith("<http", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("/unsubscribe/one-click?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains($"/disputes/{id}#entry-", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_between_sending_and_recording_sends_the_same_mail_again_which_is_not_delivered_twice()
    {
        var (id, _, shop) = await PartiesAsync();
        await ReplyAsync(shop, id, "Are you there?");
        Clock.Advance(TimeSpan.FromMinutes(3));
        await using (var crashing = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IMailDelivery>(p =>
            new CrashAfterDelivery(ActivatorUtilities.CreateInstance<PickupFolderDelivery>(p))))))
        {
            await using var scope = crashing.Services.CreateAsyncScope();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendDueAsync());
        }
        Assert.Single(App.Mail.To("dana@example.test")); // delivered, but not recorded as sent

        Clock.Advance(TimeSpan.FromMinutes(3)); // past the crashed sender's hold
        Assert.Equal(2, await SendAsync()); // sent again, as the same mail
        Assert.Single(App.Mail.To("dana@example.test"));
        Assert.Equal(0, await SendAsync());
    }

    [Fact]
    public async Task A_shutdown_right_after_a_mail_went_out_still_records_it_sent_so_the_restarted_forum_does_not_send_it_again()
    {
        var (id, _, shop) = await PartiesAsync();
        await ReplyAsync(shop, id, "Are you there?");
        Clock.Advance(TimeSpan.FromMinutes(3));
        using var shutdown = new CancellationTokenSource();
        await using (var stopping = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IMailDelivery>(p =>
            new ShutdownAfterDelivery(ActivatorUtilities.CreateInstance<PickupFolderDelivery>(p), shutdown)))))
        {
            await using var scope = stopping.Services.CreateAsyncScope();
            // The first mail went out as the host began to stop; the sender stops there, without failing.
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendDueAsync(shutdown.Token));
        }
        var first = Assert.Single(App.Mail.To("dana@example.test"));

        Clock.Advance(TimeSpan.FromMinutes(3)); // past the stopped sender's hold
        await SendAsync(); // what the stop left unsent goes out now, once
        // The one that went out is not sent again: an SMTP server would not recognise it.
        Assert.Equal(first.MessageId, Assert.Single(App.Mail.To("dana@example.test")).MessageId);
        Assert.Equal(0, await SendAsync());
    }

    [Fact]
    public async Task A_dispute_a_moderator_hid_is_not_named_in_the_mail_nor_in_notices_written_after()
    {
        var (id, _, shop) = await PartiesAsync();
        var title = (await Given.StoredAsync(id)).Title;
        await ReplyAsync(shop, id, "Are you there?"); // its notice is written before the hide
        var moderator = await Given.ModeratorAsync();
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Dispute, id, "Names a private person"))).Succeeded);
        Clock.Advance(TimeSpan.FromMinutes(3));
        await SendAsync();

        var mail = Assert.Single(App.Mail.To("dana@example.test"));
        Assert.DoesNotContain(title, mail.Subject + mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(DisputeQueries.HiddenTitle, mail.Subject, StringComparison.Ordinal);
        await ReplyAsync(shop, id, "Still there?"); // written after the hide
        var notices = await WithAsync<IDbContextFactory<ForumDbContext>, List<string>>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Notifications.Where(n => n.DisputeId == id).Select(n => n.DisputeTitle).ToListAsync();
        });
        Assert.DoesNotContain(title, notices);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_delays_mail_without_failing_the_write_and_two_senders_send_it_once()
    {
        var (id, _, shop) = await PartiesAsync();
        await using var down = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IMailDelivery, Down>()));
        await ReplyAsync(shop, id, "Hello?");
        Clock.Advance(TimeSpan.FromMinutes(3));
        await using (var scope = down.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendDueAsync());
        Assert.Empty(App.Mail.To("dana@example.test"));
        Assert.Equal(0, await SendAsync()); // waiting before the next attempt

        Clock.Advance(TimeSpan.FromMinutes(1));
        var sent = await Task.WhenAll(SendAsync(), SendAsync());
        Assert.Equal(2, sent.Sum()); // each mail by one sender only
        Assert.Single(App.Mail.To("dana@example.test"));
    }

    [Fact]
    public async Task Unsubscribing_stops_this_kind_of_mail_including_what_waits_and_a_forged_token_changes_nothing()
    {
        var (id, dana, shop) = await PartiesAsync();
        await ReplyAsync(shop, id, "One.");
        var token = await WithAsync<UnsubscribeTokens, string>(t => Task.FromResult(t.For(dana.UserId!, NotificationTopic.Disputes)));

        var client = App.CreateBrowserLikeClient();
        var forged = await client.PostAsync(new Uri($"/unsubscribe/one-click?token={Uri.EscapeDataString(token)}x", UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        var (_, page) = await GetPageAsync("/unsubscribe?token=not-a-token");
        Assert.Contains(Unsubscribing.InvalidToken, page, StringComparison.Ordinal);

        var (_, asking) = await GetPageAsync($"/unsubscribe?token={Uri.EscapeDataString(token)}");
        Assert.Contains("Stop these e-mails", asking, StringComparison.Ordinal); // opening the link only asks
        var oneClick = await client.PostAsync(new Uri($"/unsubscribe/one-click?token={Uri.EscapeDataString(token)}", UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.True(oneClick.IsSuccessStatusCode);

        await ReplyAsync(shop, id, "Two.");
        Clock.Advance(TimeSpan.FromMinutes(3));
        await SendAsync();
        Assert.Empty(App.Mail.To("dana@example.test")); // neither the waiting mail nor the new one
        Assert.NotEmpty(App.Mail.To("shop@example.test")); // the other party still gets theirs
        Assert.Equal(NotificationDelivery.Forum,
            (await WithAsync<NotificationPreferences, IReadOnlyDictionary<NotificationTopic, NotificationDelivery>>(p => p.GetAsync(dana)))
            [NotificationTopic.Disputes]);

        // Back on from the notifications page's settings: the next step is mailed again.
        Assert.True((await WithAsync<NotificationPreferences, Outcome>(p =>
            p.SetAsync(dana, NotificationTopic.Disputes, NotificationDelivery.Immediately))).Succeeded);
        await ReplyAsync(shop, id, "Three.");
        Clock.Advance(TimeSpan.FromMinutes(3));
        await SendAsync();
        Assert.Contains("replied", Assert.Single(App.Mail.To("dana@example.test")).TextBody, StringComparison.Ordinal);
        Assert.Equal(4, (await WithAsync<NotificationCenter, NotificationPage>(c => c.PageAsync(dana))).Items.Count(n => // all in the forum
            n.Kind is ConflictForum.Features.Timeline.TimelineKind.Reply or ConflictForum.Features.Timeline.TimelineKind.RespondentJoined));
    }

    [Fact]
    public async Task An_expired_unsubscribe_link_gets_a_clear_page_and_changes_nothing()
    {
        var (_, dana, _) = await PartiesAsync();
        var token = Uri.EscapeDataString(
            await WithAsync<UnsubscribeTokens, string>(t => Task.FromResult(t.For(dana.UserId!, NotificationTopic.Disputes))));
        Clock.Advance(TimeSpan.FromDays(366));
        var (_, page) = await GetPageAsync($"/unsubscribe?token={token}");
        Assert.Contains(Unsubscribing.InvalidToken, page, StringComparison.Ordinal);
        var post = await App.CreateBrowserLikeClient().PostAsync(new Uri($"/unsubscribe/one-click?token={token}", UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(NotificationDelivery.Immediately,
            (await WithAsync<NotificationPreferences, IReadOnlyDictionary<NotificationTopic, NotificationDelivery>>(p => p.GetAsync(dana)))
            [NotificationTopic.Disputes]);
    }

    [Fact]
    public async Task Steps_spread_over_a_burst_go_out_in_one_mail_and_the_next_mail_waits_its_own_delay()
    {
        var (id, dana, shop) = await PartiesAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await SendAsync(); // what setting the dispute up sent
        var before = App.Mail.To("dana@example.test").Count;
        await ReplyAsync(shop, id, "First.");
        Clock.Advance(TimeSpan.FromSeconds(90));
        await ReplyAsync(shop, id, "Second.");
        Clock.Advance(TimeSpan.FromSeconds(40)); // the first is due, the second not yet
        Assert.Equal(1, await SendAsync());
        var burst = App.Mail.To("dana@example.test")[before];
        Assert.Contains("2 new steps", burst.Subject, StringComparison.Ordinal); // both, in the first's mail

        await ReplyAsync(shop, id, "Third.");
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await SendAsync()); // a minute after the last mail: not yet
        Clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(1, await SendAsync());
        Assert.Equal(before + 2, App.Mail.To("dana@example.test").Count);
    }

    private async Task<DisputeParties> PartiesAsync()
    {
        var dana = await Given.MemberAsync("Dana", "dana@example.test");
        var shop = await Given.MemberAsync("Lamp Shop", "shop@example.test");
        var parties = await Given.DisputeBetweenAsync(dana, shop);
        await ReplyAsync(dana, parties.DisputeId, "Please answer."); // so the shop has something to hear of too
        return parties;
    }

    private async Task ReplyAsync(ForumActor party, int disputeId, string text) =>
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.PostReplyAsync(party, disputeId, text))).Succeeded);

    private Task<int> SendAsync() => WithAsync<NotificationMailer, int>(m => m.SendDueAsync());

    /// <summary>
    /// Delivers, then stops the sender dead before it can record the mail as sent, as a process killed mid-send would (the
    /// sender lets nothing but a failed delivery be handled; cancellation runs straight out).
    /// </summary>
    private sealed class CrashAfterDelivery(IMailDelivery inner) : IMailDelivery
    {
        public async Task DeliverAsync(MimeMessage message, CancellationToken ct = default)
        {
            await inner.DeliverAsync(message, ct);
            throw new OperationCanceledException("Killed after delivering.");
        }
    }

    /// <summary>The host stopping while a mail was being accepted: the mail went out, and the sender's token is cancelled.</summary>
    private sealed class ShutdownAfterDelivery(IMailDelivery inner, CancellationTokenSource shutdown) : IMailDelivery
    {
        public async Task DeliverAsync(MimeMessage message, CancellationToken ct = default)
        {
            await inner.DeliverAsync(message, ct);
            await shutdown.CancelAsync();
        }
    }

    private sealed class Down : IMailDelivery
    {
        public Task DeliverAsync(MimeMessage message, CancellationToken ct = default) =>
            throw new System.Net.Sockets.SocketException(10061);
    }
}
