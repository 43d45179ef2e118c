using ConflictForum.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>Nothing typed is lost: a comment's draft outlives a reload, goes once posted, and never outlives sign-out.</summary>
[Collection(BrowserTests.Name)]
public sealed class DraftJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string Restored = "Restored the draft saved in this browser.";
    // One comment a minute: the second is refused by the write limit.
    private readonly ForumAppFactory app = new(kestrel: true,
        settings: new Dictionary<string, string?> { ["AbuseLimits:Writes:CommentsPerMinute"] = "1" });

    private Scenario Given => new(app);

    private async Task<int> DisputeAsync()
    {
        var claimant = await Given.MemberAsync("Carla Claimant", "carla@example.test");
        var respondent = await Given.MemberAsync("Rob Respondent", "rob@example.test");
        return (await Given.DisputeBetweenAsync(claimant, respondent, Scenario.Dispute("Hedge trimmings dumped on my lawn",
            "Every week the trimmings land on my side.", "Rob", "They land on my lawn."))).DisputeId;
    }

    private static Task<bool> DraftKeptAsync(IPage page, string text) => page.EvaluateAsync<bool>(
        "text => Object.keys(localStorage).some(k => k.startsWith('cf-draft:') && localStorage.getItem(k).includes(text))", text);

    private static async Task OpenAsync(IPage page, int disputeId)
    {
        await page.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForCircuitAsync(page);
    }

    [BrowserFact]
    public async Task A_comment_typed_before_a_reload_is_restored_and_once_posted_its_box_comes_back_empty()
    {
        var disputeId = await DisputeAsync();
        await Given.MemberAsync("Bea Reader", "bea@example.test");
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var page = await BrowserJourney.SignedInPageAsync(context, "bea@example.test");
        await OpenAsync(page, disputeId);
        const string text = "Trimmings on someone else's lawn are theirs to clear.";

        await page.Locator("#new-comment").FillAsync(text);
        Assert.True(await DraftKeptAsync(page, text), "The comment was not kept as it was typed.");
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);

        await Expect(page.Locator("#new-comment")).ToHaveValueAsync(text);
        await Expect(page.GetByText(Restored)).ToBeVisibleAsync();
        var post = page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true });
        await Expect(post).ToBeEnabledAsync(new() { Timeout = 2_000 }); // the form has the text, not only the browser's box
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "draft-restored-comment.png") });

        await post.ClickAsync();
        await Expect(page.GetByTestId("comment").Filter(new() { HasText = text })).ToHaveCountAsync(1);
        await Expect(page.Locator("#new-comment")).ToHaveValueAsync("");
        Assert.False(await DraftKeptAsync(page, text), "The posted comment's draft was left in the browser.");

        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("comment").Filter(new() { HasText = text })).ToHaveCountAsync(1);
        await Expect(page.Locator("#new-comment")).ToHaveValueAsync("");
        await Expect(page.GetByText(Restored)).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_comment_typed_and_left_is_forgotten_at_sign_out_and_never_offered_to_the_next_member()
    {
        var disputeId = await DisputeAsync();
        await Given.MemberAsync("Bea Reader", "bea@example.test");
        await Given.MemberAsync("Dan Reader", "dan@example.test");
        await using var shared = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var bea = await BrowserJourney.SignedInPageAsync(shared, "bea@example.test");
        await OpenAsync(bea, disputeId);
        const string text = "Only Bea should ever read this half-written thought.";
        await bea.Locator("#new-comment").FillAsync(text);
        Assert.True(await DraftKeptAsync(bea, text), "The comment was not kept as it was typed.");

        await bea.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(bea.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.False(await DraftKeptAsync(bea, text), "Sign-out left the draft in the browser.");
        await bea.CloseAsync();

        var dan = await BrowserJourney.SignedInPageAsync(shared, "dan@example.test");
        await OpenAsync(dan, disputeId);
        await Expect(dan.Locator("#new-comment")).ToBeEditableAsync();
        await Expect(dan.Locator("#new-comment")).ToHaveValueAsync("");
        await Expect(dan.GetByText(Restored)).ToHaveCountAsync(0);
        Assert.False(await DraftKeptAsync(dan, text));
    }

    [BrowserFact]
    public async Task A_comment_the_write_limit_refuses_stays_in_the_box_and_the_reason_says_when_and_takes_the_focus()
    {
        var disputeId = await DisputeAsync();
        await Given.MemberAsync("Bea Reader", "bea@example.test");
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var page = await BrowserJourney.SignedInPageAsync(context, "bea@example.test");
        await OpenAsync(page, disputeId);
        var post = page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true });
        await page.Locator("#new-comment").FillAsync("First thought.");
        await post.ClickAsync();
        await Expect(page.GetByTestId("comment")).ToHaveCountAsync(1);
        const string text = "A second thought, a moment too soon.";

        await page.Locator("#new-comment").FillAsync(text);
        await post.ClickAsync();

        var alert = page.GetByTestId("comments").GetByRole(AriaRole.Alert);
        await Expect(alert).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            "^Slow down: try again in [0-9]+ seconds\\. Your text is kept\\.$"));
        await Expect(alert).ToBeFocusedAsync();
        await Expect(page.Locator("#new-comment")).ToHaveValueAsync(text);
        Assert.True(await DraftKeptAsync(page, text), "The refused comment's draft was forgotten.");
        await Expect(page.GetByTestId("comment")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "draft-refused-comment.png") });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
