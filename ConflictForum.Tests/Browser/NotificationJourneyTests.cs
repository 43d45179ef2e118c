using System.Text.RegularExpressions;
using ConflictForum.Data;
using ConflictForum.Features.Notifications;
using ConflictForum.Features.Timeline;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// Issue 19's journey: the respondent is invited by mail and answers; the claimant's open page rings the bell, the claimant is
/// mailed, stops that mail with the link in it, and is still told in the forum (and only there) of the next step.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class NotificationJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string Title = "Sofa delivered with a torn cushion";

    // The outbox runs as in production, on the real clock, with no wait before mailing and a quick look every 200 ms.
    private readonly ForumAppFactory app = new(kestrel: true, settings: new Dictionary<string, string?>
    {
        ["Notifications:RunOutbox"] = "true",
        ["Notifications:MailDelay"] = "00:00:00",
        ["Notifications:MailPoll"] = "00:00:00.200",
    });

    [BrowserFact]
    public async Task The_claimant_sees_the_bell_ring_gets_the_mail_stops_it_with_one_click_and_is_still_told_in_the_forum()
    {
        var carlaId = (await BrowserJourney.CreateMemberAsync(app, "Carla Claimant", "carla@example.test")).UserId!;
        await BrowserJourney.CreateMemberAsync(app, "Rob Respondent", "rob@example.test");
        await using var claimantContext = await NewContextAsync();
        await using var respondentContext = await NewContextAsync();

        // The claimant opens a dispute naming the respondent's address.
        var carla = await BrowserJourney.SignedInPageAsync(claimantContext, "carla@example.test");
        await carla.GotoAsync("/disputes/new");
        await BrowserFixture.WaitForCircuitAsync(carla);
        await carla.Locator("#title").FillAsync(Title);
        await carla.Locator("#summary").FillAsync("The left cushion was torn open when the sofa arrived.");
        await carla.Locator("#respondent-name").FillAsync("Rob Respondent");
        await carla.Locator("#respondent-email").FillAsync("rob@example.test");
        const string statement = "The cushion is **torn** along its seam; I have photos.";
        await carla.Locator("#statement").FillAsync(statement);
        await Expect(carla.GetByText($"{statement.Length} / 20000")).ToBeVisibleAsync(); // the server has it (its counter)
        // Preview first, as the dispute journey does: the field's blur re-renders the form before the click, not under it (a
        // click whose mousedown blurs the field can land on a shifted layout and be lost).
        await carla.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Expect(carla.Locator(".cf-markdown strong")).ToBeVisibleAsync();
        await carla.GetByRole(AriaRole.Button, new() { Name = "Open the dispute" }).ClickAsync();
        await Expect(carla.GetByRole(AriaRole.Heading, new() { Name = "Your dispute is open" })).ToBeVisibleAsync();
        var invitation = (await carla.GetByTestId("invitation-link").TextContentAsync())!.Trim();

        // The claimant's dispute page stays open, unread count hidden, for the rest of the journey.
        var id = await DisputeIdAsync();
        await carla.GotoAsync($"/disputes/{id}");
        await BrowserFixture.WaitForCircuitAsync(carla);
        var bellCount = carla.GetByRole(AriaRole.Banner).GetByTestId("bell-count");
        await Expect(bellCount).ToBeHiddenAsync();

        // The respondent's invitation arrives by mail; they sign in, follow its link, accept and post their statement.
        await PollAsync(() => app.Mail.To("rob@example.test").Any(m => (m.Subject ?? "").Contains("invites you",
            StringComparison.OrdinalIgnoreCase)), "the respondent's invitation mail");
        Assert.Equal(invitation, app.Mail.LinkIn("rob@example.test", "invites you").ToString());
        var rob = await BrowserJourney.SignedInPageAsync(respondentContext, "rob@example.test");
        await rob.GotoAsync(invitation);
        await Expect(rob.GetByText(Title)).ToBeVisibleAsync();
        await BrowserFixture.WaitForCircuitAsync(rob);
        await rob.GetByRole(AriaRole.Button, new() { Name = "Accept and answer as the respondent" }).ClickAsync();
        await Expect(rob.GetByTestId("status")).ToHaveTextAsync("Awaiting statement");
        await BrowserFixture.WaitForCircuitAsync(rob);
        await rob.GetByRole(AriaRole.Button, new() { Name = "Post your statement" }).ClickAsync();
        await rob.Locator("#statement-editor-Respondent").FillAsync("It left our warehouse **whole**; the courier tore it.");
        // Preview first: it lets the field's blur settle before the click (see DisputeJourneyTests).
        await rob.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Expect(rob.GetByTestId("statement-respondent").Locator(".mud-tabs .cf-markdown strong")).ToHaveTextAsync("whole");
        await rob.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Expect(rob.GetByTestId("status")).ToHaveTextAsync("Open for votes");

        // The claimant's open page, never reloaded, shows the bell's count rise; the mail lands in the pickup folder.
        await Expect(bellCount).ToBeVisibleAsync();
        await Expect(bellCount).ToHaveTextAsync(new Regex(@"^[1-9]\d*$"));
        await ShootAsync(carla, "notifications-1-bell");
        await PollAsync(() => NoticesTo("carla@example.test").Count > 0, "a notification mail to the claimant");
        var notice = NoticesTo("carla@example.test")[^1];
        Assert.Contains(Title, notice.Subject, StringComparison.Ordinal);
        Assert.Contains($"/disputes/{id}#entry-", notice.TextBody, StringComparison.Ordinal);

        // The claimant opens the mail's "Stop these e-mails" link, which asks; the button stops them.
        var stop = StopLink().Match(notice.TextBody ?? "");
        Assert.True(stop.Success, $"No 'Stop these e-mails' link in:\n{notice.TextBody}");
        var unsubscribe = await claimantContext.NewPageAsync();
        await unsubscribe.GotoAsync(stop.Groups["link"].Value);
        await unsubscribe.GetByRole(AriaRole.Button, new() { Name = "Stop these e-mails" }).ClickAsync();
        await Expect(unsubscribe.GetByTestId("unsubscribed")).ToContainTextAsync("you will get no more e-mail about your disputes");
        await unsubscribe.CloseAsync();

        // The respondent replies: the bell counts it, the forum keeps it, and no mail goes to the claimant. The count of mails
        // is taken once the sender has had time to finish anything it held when the claimant unsubscribed.
        await carla.WaitForTimeoutAsync(1_000);
        var mailsBefore = NoticesTo("carla@example.test").Count;
        var unreadBefore = int.Parse((await bellCount.TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await rob.Locator("#reply").FillAsync("We can send a new cushion cover next week.");
        await rob.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(rob.GetByText("We can send a new cushion cover next week.")).ToBeVisibleAsync();
        await Expect(bellCount).ToHaveTextAsync((unreadBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await carla.WaitForTimeoutAsync(1_000); // five of the sender's looks
        Assert.Equal(mailsBefore, NoticesTo("carla@example.test").Count);
        var reply = await ReplyNoticeAsync(carlaId, id);
        Assert.Null(reply.MailDueAt); // not waiting to go out either: this member gets none of these by mail now
        Assert.Null(reply.MailedAt);

        // The notifications page lists the reply first; its link lands on the reply's place on the dispute's page.
        await carla.GotoAsync("/notifications");
        await BrowserFixture.WaitForCircuitAsync(carla);
        var newest = carla.GetByTestId("notification").First;
        await Expect(newest).ToContainTextAsync(Title);
        await Expect(newest).ToContainTextAsync("replied");
        await Expect(newest).ToHaveAttributeAsync("data-unread", ""); // Blazor writes a true flag as the bare attribute
        await ShootAsync(carla, "notifications-2-page");

        // The unsubscribe shows in her settings, where she can choose mail again for that kind.
        var disputesSetting = carla.GetByTestId("notification-setting").Filter(new() { HasText = "Your disputes" });
        await Expect(disputesSetting.GetByRole(AriaRole.Radio, new() { Name = "In the forum only" })).ToBeCheckedAsync();
        await disputesSetting.GetByText("E-mail right away").ClickAsync();
        await Expect(carla.GetByTestId("setting-saved")).ToHaveTextAsync("Saved: your disputes, e-mail right away.");
        await Expect(disputesSetting.GetByRole(AriaRole.Radio, new() { Name = "E-mail right away" })).ToBeCheckedAsync();
        await ShootAsync(carla, "notifications-3-settings");
        await newest.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Expect(carla).ToHaveURLAsync(new Regex($@"/disputes/{id}#entry-{reply.Sequence}$"));
        await Expect(carla.Locator($"#entry-{reply.Sequence}")).ToContainTextAsync("replied");
        await Expect(bellCount).ToHaveTextAsync(unreadBefore.ToString(System.Globalization.CultureInfo.InvariantCulture)); // read now
    }

    /// <summary>Mails of steps on disputes (each has a one-click unsubscribe), not account or invitation mail.</summary>
    private List<MimeMessage> NoticesTo(string address) =>
        app.Mail.To(address).Where(m => m.Headers.Contains("List-Unsubscribe")).ToList();

    private async Task<int> DisputeIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Disputes
            .Where(d => d.Title == Title).Select(d => d.Id).SingleAsync();
    }

    private async Task<Notification> ReplyNoticeAsync(string recipientId, int disputeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Notifications.AsNoTracking()
            .SingleAsync(n => n.RecipientId == recipientId && n.DisputeId == disputeId && n.Kind == TimelineKind.Reply);
    }

    /// <summary>Waits (up to 15 s, as long as the browser's expectations) until the sender has done what it should.</summary>
    private static async Task PollAsync(Func<bool> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < until, $"Waited 15 s for {what}.");
            await Task.Delay(100);
        }
    }

    private Task<IBrowserContext> NewContextAsync() => browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });

    /// <summary>The top of the page (where the bell is) as it is now, at a desktop's width and a phone's.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1440, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.EvaluateAsync("() => window.scrollTo(0, 0)"); // or the fixed app bar is painted where the window last was
            await page.WaitForTimeoutAsync(400); // the layout slides its content over (225 ms) when the drawer's room changes
            await page.ScreenshotAsync(new()
            {
                Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true,
            });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    [GeneratedRegex(@"Stop these e-mails[^:]*: (?<link>https?://\S+)")]
    private static partial Regex StopLink();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
