using ConflictForum.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>From an offer to a settlement, in three browsers: both parties and a reader who is not signed in.</summary>
[Collection(BrowserTests.Name)]
public sealed class SettlementJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly ForumAppFactory app = new(kestrel: true);

    private Scenario Given => new(app);

    [BrowserFact]
    public async Task The_claimant_offers_the_respondent_counters_the_claimant_accepts_and_every_open_page_shows_it_settled()
    {
        var claimant = await Given.MemberAsync("Carla Claimant", "carla@example.test");
        var respondent = await Given.MemberAsync("Rob Respondent", "rob@example.test");
        var id = (await Given.DisputeBetweenAsync(claimant, respondent, Scenario.Dispute("Scratched table on delivery",
            "The table arrived with a long scratch.", "Rob", "The top is scratched end to end."))).DisputeId;

        await using var claimantContext = await NewContextAsync();
        await using var respondentContext = await NewContextAsync();
        await using var readerContext = await NewContextAsync();
        var carla = await OpenAsync(await BrowserJourney.SignedInPageAsync(claimantContext, "carla@example.test"), id);
        var rob = await OpenAsync(await BrowserJourney.SignedInPageAsync(respondentContext, "rob@example.test"), id);
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync($"/disputes/{id}");

        // The claimant offers; the respondent's open page shows it without a reload.
        await carla.Locator("#offer-terms").FillAsync("Refund **half** of the price.");
        await carla.Locator("#offer-amount").FillAsync("150");
        await carla.Locator("#offer-currency").FillAsync("EUR");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Make the offer" }).ClickAsync();
        var robsOffer = rob.GetByTestId("offer").First;
        await Expect(robsOffer).ToContainTextAsync("Refund half of the price.");
        await Expect(robsOffer.GetByTestId("offer-status")).ToHaveTextAsync("Open");
        await ShootAsync(rob, "settlement-1-offer");

        // The respondent counters with the terms filled in from the offer, changed.
        await robsOffer.GetByRole(AriaRole.Button, new() { Name = "Counter" }).ClickAsync();
        await Expect(rob.Locator("#offer-terms")).ToHaveValueAsync("Refund **half** of the price.");
        await rob.Locator("#offer-terms").FillAsync("Refund a **third** and repair the scratch.");
        await rob.Locator("#offer-amount").FillAsync("100");
        await rob.GetByRole(AriaRole.Button, new() { Name = "Send the counter-offer" }).ClickAsync();
        var carlasView = carla.GetByTestId("offer").First;
        await Expect(carlasView).ToContainTextAsync("Refund a third and repair the scratch.");
        await Expect(carla.GetByTestId("offer").Nth(1).GetByTestId("offer-status")).ToHaveTextAsync("Countered");
        await ShootAsync(carla, "settlement-2-counter");

        // The claimant accepts: binding, and every open page shows the dispute settled without a reload.
        await Expect(carlasView).ToContainTextAsync("Accepting is binding");
        await carlasView.GetByRole(AriaRole.Button, new() { Name = "Accept this offer" }).ClickAsync();
        foreach (var page in new[] { carla, rob, reader })
        {
            await Expect(page.GetByTestId("status")).ToHaveTextAsync("Settled");
            await Expect(page.GetByTestId("settlement")).ToContainTextAsync("Refund a third and repair the scratch.");
            await Expect(page.GetByTestId("settlement-summary")).ToHaveTextAsync("100.00 EUR");
        }
        await Expect(rob.GetByRole(AriaRole.Button, new() { Name = "Make the offer" })).ToHaveCountAsync(0);
        await ShootAsync(rob, "settlement-3-settled-party");
        await ShootAsync(reader, "settlement-3-settled-reader");
    }

    private Task<IBrowserContext> NewContextAsync() => browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });

    private static async Task<IPage> OpenAsync(IPage page, int id)
    {
        await page.GotoAsync($"/disputes/{id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>The page as it is now, at a desktop's width and a phone's.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1440, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
