
using ConflictForum.Features.Accounts;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class ModerationJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string Insult = "Only an idiot would build a fence like that.";
    private readonly ForumAppFactory app = new(kestrel: true);

    private Scenario Given => new(app);

    [BrowserFact]
    public async Task Three_flags_hide_a_comment_for_a_reader_and_a_moderator_restores_it_on_the_public_log_and_the_timeline()
    {
        var claimant = await Given.MemberAsync("Fern Claimant", "fern@example.test");
        var respondent = await Given.MemberAsync("Reg Respondent", "reg@example.test");
        var author = await Given.MemberAsync("Hot Head", "hot@example.test");
        string[] flaggers = ["flag1@example.test", "flag2@example.test", "flag3@example.test"];
        for (var i = 0; i < flaggers.Length; i++) await Given.MemberAsync($"Flagger {i + 1}", flaggers[i]);
        await Given.WithRoleAsync(await Given.MemberAsync("Mo Derator", "mo@example.test"), ForumRoles.Moderator);
        var disputeId = (await Given.DisputeBetweenAsync(claimant, respondent, Scenario.Dispute("A fence a metre into my garden",
            "The new fence stands on my side of the line.", "Reg", "The fence is on my land."))).DisputeId;
        await Given.CommentAsync(author, disputeId, Insult);

        // A reader who is not signed in keeps the page open throughout.
        await using var readerContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForLiveAsync(reader);
        await Expect(reader.GetByTestId("comments")).ToContainTextAsync(Insult);

        foreach (var email in flaggers)
        {
            await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
            var page = await BrowserJourney.SignedInPageAsync(context, email);
            await page.GotoAsync($"/disputes/{disputeId}");
            await BrowserFixture.WaitForCircuitAsync(page);
            var comment = page.GetByTestId("comment").Filter(new() { HasText = Insult });
            await comment.GetByTestId("flag").ClickAsync();
            await comment.GetByText("Abuse or harassment").ClickAsync();
            await comment.GetByRole(AriaRole.Button, new() { Name = "Send flag" }).ClickAsync();
            await Expect(page.GetByText("Flagged: moderators will review it.").Or(page.GetByTestId("hidden-notice"))).ToBeVisibleAsync();
        }

        // The third flag hid it: the reader's open page follows without a reload.
        await Expect(reader.GetByTestId("hidden-notice"))
            .ToContainTextAsync("Hidden automatically after 3 members flagged it, until a moderator reviews it.");
        await Expect(reader.GetByTestId("comments")).Not.ToContainTextAsync(Insult);
        await reader.ScreenshotAsync(
            new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "moderation-hidden-for-reader.png"), FullPage = true });

        await using var moderatorContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var mod = await BrowserJourney.SignedInPageAsync(moderatorContext, "mo@example.test");
        await mod.GotoAsync("/moderation");
        await BrowserFixture.WaitForCircuitAsync(mod);
        var item = mod.GetByTestId("queue-item").Filter(new() { HasText = Insult });
        await Expect(item).ToContainTextAsync("3 flags");
        await Expect(item.GetByTestId("queue-status")).ToHaveTextAsync("Hidden by flags");
        await mod.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "moderation-queue.png"), FullPage = true });
        await item.GetByLabel("Reason (public)").FillAsync("Blunt, but about the fence rather than a person");
        await item.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(mod.GetByTestId("queue-empty")).ToBeVisibleAsync();

        await Expect(reader.GetByTestId("comments")).ToContainTextAsync(Insult);
        await Expect(reader.GetByTestId("hidden-notice")).ToHaveCountAsync(0);

        await reader.GotoAsync("/moderation/log");
        var log = reader.GetByTestId("log-entry");
        await Expect(log).ToHaveCountAsync(2);
        await Expect(log.Nth(0))
            .ToContainTextAsync("Mo Derator (moderator) restored a comment by Hot Head: Blunt, but about the fence rather than a person");
        await Expect(log.Nth(1)).ToContainTextAsync("A comment by Hot Head was hidden until a moderator reviews it");
        await reader.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "moderation-log.png"), FullPage = true });

        await reader.GotoAsync($"/disputes/{disputeId}");
        var timeline = reader.GetByTestId("timeline-entry");
        await Expect(timeline.Filter(new() { HasText = "was hidden until a moderator reviews it" })).ToHaveCountAsync(1);
        await Expect(timeline.Filter(new() { HasText = "Mo Derator (moderator) restored a comment by Hot Head" })).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task A_suspension_reaches_the_member_s_open_page_at_once_and_their_next_click_is_refused()
    {
        var claimant = await Given.MemberAsync("Sue Claimant", "sue@example.test");
        var respondent = await Given.MemberAsync("Ray Respondent", "ray@example.test");
        var troll = await Given.MemberAsync("Tro Ll", "troll@example.test");
        var moderator = await Given.WithRoleAsync(await Given.MemberAsync("Mod Two", "mod2@example.test"), ForumRoles.Moderator);
        var disputeId = (await Given.DisputeBetweenAsync(claimant, respondent,
            Scenario.Dispute("Parking across my driveway", "Every Sunday morning.", "Ray", "I cannot get out."))).DisputeId;

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var page = await BrowserJourney.SignedInPageAsync(context, "troll@example.test");
        await page.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("#new-comment")).ToBeVisibleAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var suspended = await scope.ServiceProvider.GetRequiredService<ConflictForum.Features.Moderation.ModerationService>()
                .SuspendAsync(moderator, troll.UserId!, DateTime.UtcNow.AddDays(1), "Spamming the comments");
            Assert.True(suspended.Succeeded, suspended.Message);
        }

        await Expect(page.GetByTestId("suspended")).ToContainTextAsync("you can read, but not write, flag or vote");
        await Expect(page.Locator("#new-comment")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("flag")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("vote-Both")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("fault-vote")).ToContainTextAsync("Your account is suspended");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "moderation-suspended-member.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
