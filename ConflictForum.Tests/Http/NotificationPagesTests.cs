using System.Net;
using ConflictForum.Features.Notifications;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>The bell in the app bar, the notifications page and the member's count stream, over HTTP.</summary>
public sealed class NotificationPagesTests : ForumAppTest
{
    [Fact]
    public async Task A_party_sees_the_unread_count_on_the_bell_and_the_notifications_page_and_the_stream_gives_the_count()
    {
        var dana = await Given.MemberAsync("Dana Party", "dana@example.test");
        var site = new SiteClient(App);
        await site.SignInAsync("dana@example.test", BrowserJourney.Password);
        var empty = await site.GetHtmlAsync("/disputes");
        Assert.Contains("Notifications: none unread", empty, StringComparison.Ordinal);

        var (id, _, shop) = await Given.DisputeBetweenAsync(dana, await MemberAsync("Lamp Shop"));
        Assert.True((await Run<ConflictForum.Features.Disputes.DisputeService, ConflictForum.Platform.Outcome>(s =>
            s.PostReplyAsync(shop, id, "We never received the lamp back."))).Succeeded);

        // Told of the joining, the statement, the opening it caused, and the reply.
        Assert.Equal(4, await Run<NotificationCenter, int>(c => c.UnreadAsync(dana)));
        var list = WebUtility.HtmlDecode(await site.GetHtmlAsync("/disputes"));
        Assert.Contains("Notifications: 4 unread", list, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"bell-count\"[^>]*>4<", list);
        var page = WebUtility.HtmlDecode(await site.GetHtmlAsync("/notifications"));
        Assert.Contains("Lamp Shop (respondent) replied.", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"disputes/{id}#entry-", page, StringComparison.Ordinal);
        Assert.DoesNotContain("We never received the lamp back.", page, StringComparison.Ordinal); // the summary, not the words

        using var stream = await site.Http.GetAsync(new Uri(NotificationsSetup.LiveUrl, UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal("event: unread", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("data: 4", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("", await reader.ReadLineAsync(timeout.Token));
        Assert.True((await Run<ConflictForum.Features.Disputes.DisputeService, ConflictForum.Platform.Outcome>(s =>
            s.PostReplyAsync(shop, id, "And the box was empty."))).Succeeded);
        Assert.Equal("event: unread", await reader.ReadLineAsync(timeout.Token)); // live: no reload
        Assert.Equal("data: 5", await reader.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task A_reader_who_is_not_signed_in_gets_no_bell_no_page_and_no_stream()
    {
        var site = new SiteClient(App);
        Assert.DoesNotContain("data-bell", await site.GetHtmlAsync("/disputes"), StringComparison.Ordinal);
        using (var page = await site.Http.GetAsync(new Uri("/notifications", UriKind.Relative)))
            Assert.Equal("/Account/Login", page.RequestMessage!.RequestUri!.AbsolutePath);
        using var stream = await site.Http.GetAsync(new Uri(NotificationsSetup.LiveUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, stream.StatusCode);
    }

    [Fact]
    public async Task The_notifications_page_shows_how_the_member_hears_of_each_kind_and_the_queue_only_to_moderators()
    {
        var dana = await Given.MemberAsync("Dana Party", "dana@example.test");
        Assert.True((await Run<NotificationPreferences, ConflictForum.Platform.Outcome>(p =>
            p.SetAsync(dana, NotificationTopic.Disputes, NotificationDelivery.Forum))).Succeeded);
        var site = new SiteClient(App);
        await site.SignInAsync("dana@example.test", BrowserJourney.Password);
        var page = WebUtility.HtmlDecode(await site.GetHtmlAsync("/notifications"));
        Assert.Contains("How you hear of each kind", page, StringComparison.Ordinal);
        Assert.Equal("Forum", Chosen(page, "Disputes"));
        Assert.Equal("Digest", Chosen(page, "Following")); // followers' default
        Assert.Equal("Immediately", Chosen(page, "Deadlines"));
        Assert.DoesNotContain("data-topic=\"ModerationQueue\"", page, StringComparison.Ordinal);

        await Given.WithRoleAsync(dana, ConflictForum.Features.Accounts.ForumRoles.Moderator);
        Assert.Contains("data-topic=\"ModerationQueue\"", await site.GetHtmlAsync("/notifications"), StringComparison.Ordinal);
    }

    /// <summary>The choice checked for a topic on the notifications page's settings.</summary>
    private static string Chosen(string page, string topic)
    {
        var section = page[page.IndexOf($"data-topic=\"{topic}\"", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("data-topic=", 1, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
        return System.Text.RegularExpressions.Regex.Match(section, "data-choice=\"(\\w+)\"[^>]*\\bchecked").Groups[1].Value;
    }
}
