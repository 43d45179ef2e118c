using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// From an offer to a settlement and a report that it was honoured, in three browsers: both parties and a reader who is not
/// signed in.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SettlementJourneyTests : IAsyncDisposable
{
    private readonly BrowserFixture browser;

    // The app's clock runs in real time (its timers too: live updates wait on them) and is moved past the settlement's due date.
    private readonly ShiftedClock clock = new();

    private readonly ForumAppFactory app;

    public SettlementJourneyTests(BrowserFixture browser)
    {
        this.browser = browser;
        app = new(kestrel: true, clock: clock);
    }

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
        await carla.GetByRole(AriaRole.Radio, new() { Name = "24 hours" }).CheckAsync();
        await carla.GetByRole(AriaRole.Button, new() { Name = "Make the offer" }).ClickAsync();
        var robsOffer = rob.GetByTestId("offer").First;
        await Expect(robsOffer).ToContainTextAsync("Refund half of the price.");
        Assert.Equal(24, Math.Round((await OpenForAsync(id)).TotalHours)); // as chosen, not the default three days
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

        // Past the due date (a week after settling, as no date was set) the respondent reports it honoured; the claimant's
        // open page shows the report without a reload.
        clock.Shift += TimeSpan.FromDays(8);
        await OpenAsync(rob, id);
        var form = rob.GetByTestId("report-form");
        await form.GetByText("Honoured", new() { Exact = true }).ClickAsync();
        await rob.Locator("#report-note").FillAsync("Refunded a third and the scratch is **repaired**.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Report", Exact = true }).ClickAsync();
        var robsReport = "[data-testid=settlement-report][data-role=Respondent]";
        await Expect(carla.Locator(robsReport).GetByTestId("report-verdict")).ToHaveTextAsync("Honoured");
        await Expect(carla.Locator(robsReport)).ToContainTextAsync("the scratch is repaired");
        await Expect(carla.GetByTestId("report-form")).ToBeVisibleAsync(); // the claimant's own report is open now too
        await ShootAsync(carla, "settlement-4-reported-party");
        await reader.ReloadAsync();
        await Expect(reader.Locator(robsReport).GetByTestId("report-verdict")).ToHaveTextAsync("Honoured");
        await Expect(reader.GetByTestId("report-form")).ToHaveCountAsync(0);
        await ShootAsync(reader, "settlement-4-reported-reader");
    }

    /// <summary>How long the dispute's first offer was open for when it was made.</summary>
    private async Task<TimeSpan> OpenForAsync(int id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ConflictForum.Data.ForumDbContext>>()
            .CreateDbContextAsync();
        var offer = await db.Offers.Where(o => o.DisputeId == id).OrderBy(o => o.Id).FirstAsync();
        return offer.ExpiresAt - offer.CreatedAt;
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

    /// <summary>The system's clock and timers, with the time read moved on by <see cref="Shift"/>.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
