using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class DisputeJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly ForumAppFactory app = new(kestrel: true);

    [BrowserFact]
    public async Task Claimant_opens_a_dispute_the_other_party_joins_by_link_and_the_record_verifies()
    {
        await BrowserJourney.CreateMemberAsync(app, "Dana Whitfield", "dana@example.test");
        await BrowserJourney.CreateMemberAsync(app, "Northwind Appliances", "support@example.test");
        await using var claimantContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        await using var respondentContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var claimant = await BrowserJourney.SignedInPageAsync(claimantContext, "dana@example.test");

        // Everything typed survives a reload (a dropped connection, a closed tab), even one right after the last keystroke:
        // the browser keeps the draft as it is typed.
        const string Statement = "My **washing machine** broke after 22 days.\n\n- reset twice\n- filter cleaned";
        await claimant.GotoAsync("/disputes/new");
        await BrowserFixture.WaitForCircuitAsync(claimant);
        await claimant.Locator("#title").FillAsync("Washing machine failed after three weeks");
        await claimant.Locator("#summary").FillAsync("It stopped spinning 22 days after delivery and the refund was refused.");
        await claimant.Locator("#respondent-name").FillAsync("Northwind Appliances");
        await claimant.Locator("#respondent-email").FillAsync("support@example.test");
        await claimant.Locator("#statement").FillAsync(Statement);
        await claimant.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(claimant);
        await Expect(claimant.GetByText("Restored the draft saved in this browser.")).ToBeVisibleAsync();
        await Expect(claimant.Locator("#title")).ToHaveValueAsync("Washing machine failed after three weeks");
        await Expect(claimant.Locator("#respondent-email")).ToHaveValueAsync("support@example.test");
        await Expect(claimant.Locator("#statement")).ToHaveValueAsync(Statement);

        await claimant.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Expect(claimant.Locator(".cf-markdown strong")).ToHaveTextAsync("washing machine");
        await claimant.GetByRole(AriaRole.Button, new() { Name = "Open the dispute" }).ClickAsync();

        await Expect(claimant.GetByRole(AriaRole.Heading, new() { Name = "Your dispute is open" })).ToBeVisibleAsync();
        var link = (await claimant.GetByTestId("invitation-link").TextContentAsync())!.Trim();
        Assert.StartsWith(app.RootUri + "invitations/", link, StringComparison.Ordinal);

        // The other party got the same link by e-mail.
        Assert.Equal(link, app.Mail.LinkIn("support@example.test", "invites you").ToString());
        var respondent = await BrowserJourney.SignedInPageAsync(respondentContext, "support@example.test");
        await respondent.GotoAsync(link);
        await Expect(respondent.GetByText("Washing machine failed after three weeks")).ToBeVisibleAsync();
        await BrowserFixture.WaitForCircuitAsync(respondent);
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Accept and answer as the respondent" }).ClickAsync();
        // Joined, not yet heard: the public waits for the respondent's statement, and the page tells them so.
        await Expect(respondent.GetByTestId("status")).ToHaveTextAsync("Awaiting statement");
        await Expect(respondent.GetByTestId("next-step")).ToContainTextAsync("Post your statement before");
        await BrowserFixture.WaitForCircuitAsync(respondent); // the dispute page, reached by navigation, goes live on its own
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Post your statement" }).ClickAsync();
        await respondent.Locator("#statement-editor-Respondent")
            .FillAsync("Error **E21** is a blocked pump; we offer a repair on 12 December.");
        Assert.True(await StoredDraftsMentionAsync(respondent, "blocked pump"), "The statement's draft was not kept as it was typed.");
        // Preview before saving, as a careful party would; it also lets the field's blur re-render settle before the click
        // (a click whose mousedown blurs the field can land on a shifted layout).
        await respondent.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Expect(respondent.GetByTestId("statement-respondent").Locator(".mud-tabs .cf-markdown strong")).ToHaveTextAsync("E21");
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Expect(respondent.GetByTestId("statement-respondent").Locator(".cf-markdown strong")).ToHaveTextAsync("E21");
        await Expect(respondent.GetByTestId("status")).ToHaveTextAsync("Open for votes"); // both sides heard
        await Expect(respondent.GetByTestId("next-step")).ToHaveCountAsync(0);

        await claimant.GotoAsync("/disputes");
        // The list's circuit replaces its prerendered links when it starts; a click straddling that swap is lost.
        await BrowserFixture.WaitForCircuitAsync(claimant);
        await claimant.GetByRole(AriaRole.Link, new() { Name = "Washing machine failed after three weeks" }).ClickAsync();
        await Expect(claimant.GetByTestId("statement-claimant").Locator(".cf-markdown strong")).ToHaveTextAsync("washing machine");
        await Expect(claimant.GetByTestId("statement-respondent").Locator(".cf-markdown strong")).ToHaveTextAsync("E21");
        await BrowserFixture.WaitForCircuitAsync(claimant);
        await claimant.GetByRole(AriaRole.Button, new() { Name = "Verify record" }).ClickAsync();
        await Expect(claimant.GetByTestId("verdict")).ToHaveTextAsync("The record is intact: all 6 entries match their hashes.");
        await claimant.ScreenshotAsync(
            new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dispute-both-sides.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task A_20000_character_statement_of_emoji_and_non_Latin_text_survives_the_live_page_intact()
    {
        await BrowserJourney.CreateMemberAsync(app, "Dana Whitfield", "dana@example.test");
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var page = await BrowserJourney.SignedInPageAsync(context, "dana@example.test");
        const string Unit = "Ünïcødé 👩🏽‍⚖️ العربية 中文 हिन्दी — ";
        var statement = string.Concat(Enumerable.Repeat(Unit, (20_000 - 7) / Unit.Length)) + "THE END";
        Assert.InRange(statement.Length, 19_950, 20_000);

        await page.GotoAsync("/disputes/new");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.Locator("#title").FillAsync("A very long statement in many scripts");
        await page.Locator("#summary").FillAsync("Checks that nothing is cut or garbled on the way.");
        await page.Locator("#respondent-name").FillAsync("Somebody Else");
        await page.Locator("#statement").FillAsync(statement);
        await page.WaitForTimeoutAsync(800);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the dispute" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dispute is open" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the dispute" }).ClickAsync();
        var shown = await page.GetByTestId("statement-claimant").Locator(".cf-markdown").InnerTextAsync(new() { Timeout = 10_000 });
        Assert.Equal(statement.Trim(), shown.Trim());

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ConflictForum.Data.ForumDbContext>()
            .Statements.Select(st => st.Source).SingleAsync();
        Assert.Equal(statement, stored);
    }

    [BrowserFact]
    public async Task Deadline_countdown_keeps_ticking_in_the_browser()
    {
        var given = new Scenario(app);
        var dana = await given.MemberAsync("Dana Whitfield", "dana@example.test");
        var disputeId = (await given.OpenAsync(dana,
            Scenario.Dispute("A dispute with a deadline", "Waiting for the other side.", "Someone", "Our side of it."))).DisputeId;
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeDate = DateTime.UtcNow });

        await page.GotoAsync($"/disputes/{disputeId}");
        // A reader's page has no circuit: the server's wording stays until site.js ticks it in the browser.
        await BrowserFixture.WaitForLiveAsync(page);
        var countdown = page.GetByTestId("countdown");
        await Expect(countdown).ToHaveTextAsync("Response due in 6 days");

        await page.Clock.FastForwardAsync((long)TimeSpan.FromHours(72).TotalMilliseconds);
        await Expect(countdown).ToHaveTextAsync("Response due in 3 days");
    }

    [BrowserFact]
    public async Task The_dispute_list_s_selects_open_and_filter_though_the_layout_has_no_popover_provider()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/disputes");
        await BrowserFixture.WaitForCircuitAsync(page);

        await page.Locator("div.mud-select[id]").Filter(new() { HasText = "Sort by" }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Most active").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=MostActive"));
    }




    [BrowserFact]
    public async Task A_draft_belongs_to_its_writer_and_is_forgotten_at_sign_out()
    {
        var danaId = (await BrowserJourney.CreateMemberAsync(app, "Dana Whitfield", "dana@example.test")).UserId;
        await BrowserJourney.CreateMemberAsync(app, "Sam Okafor", "sam@example.test");
        // One browser, shared: Dana writes a draft and signs out, then Sam signs in.
        await using var shared = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var dana = await BrowserJourney.SignedInPageAsync(shared, "dana@example.test");
        await dana.GotoAsync("/disputes/new");
        await BrowserFixture.WaitForCircuitAsync(dana);
        await dana.Locator("#title").FillAsync("Private quarrel with my landlord");
        await dana.Locator("#respondent-email").FillAsync("landlord@example.test");
        await dana.Locator("#statement").FillAsync("Only Dana may read this.");
        Assert.True(await StoredDraftsMentionAsync(dana, "landlord@example.test"), "The draft was not kept as it was typed.");
        Assert.True(await dana.EvaluateAsync<bool>("id => Object.keys(localStorage).some(k => k.startsWith(`cf-draft:${id}:`))", danaId),
            "The draft is not kept under its writer's id.");

        await dana.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(dana.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.False(await StoredDraftsMentionAsync(dana, "landlord@example.test"), "Sign-out left the draft in the browser.");
        await dana.CloseAsync();

        var sam = await BrowserJourney.SignedInPageAsync(shared, "sam@example.test");
        await sam.GotoAsync("/disputes/new");
        await BrowserFixture.WaitForCircuitAsync(sam);
        // Sam's own draft is restored (so the page did look for one), and nothing of Dana's comes with it.
        await sam.Locator("#summary").FillAsync("Sam's own words.");
        await sam.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(sam);
        await Expect(sam.GetByText("Restored the draft saved in this browser.")).ToBeVisibleAsync();
        await Expect(sam.Locator("#summary")).ToHaveValueAsync("Sam's own words.");
        await Expect(sam.Locator("#title")).ToHaveValueAsync("");
        await Expect(sam.Locator("#respondent-email")).ToHaveValueAsync("");
        await Expect(sam.Locator("#statement")).ToHaveValueAsync("");
    }

    private static Task<bool> StoredDraftsMentionAsync(IPage page, string text) =>
        page.EvaluateAsync<bool>("text => Object.keys(localStorage).some(k => localStorage.getItem(k).includes(text))", text);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
