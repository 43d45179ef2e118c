using ConflictForum.Features.Accounts;
using ConflictForum.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// From a party's request for a mediator to a settlement on the mediator's proposal, in four browsers: both parties, a
/// mediator who takes the dispute from the queue, and a reader who is not signed in.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class MediationJourneyTests : IAsyncDisposable
{
    private const string Title = "Sofa delivered in the wrong colour";

    private readonly BrowserFixture browser;
    private readonly ForumAppFactory app = new(kestrel: true);

    public MediationJourneyTests(BrowserFixture browser) => this.browser = browser;

    private Scenario Given => new(app);

    [BrowserFact]
    public async Task A_party_asks_the_other_agrees_a_mediator_takes_it_and_both_accepting_the_proposal_settles_every_open_page()
    {
        var claimant = await Given.MemberAsync("Carla Claimant", "carla@example.test");
        var respondent = await Given.MemberAsync("Rob Respondent", "rob@example.test");
        await Given.WithRoleAsync(await Given.MemberAsync("Ines Mediator", "ines@example.test"), ForumRoles.Mediator);
        var id = (await Given.DisputeBetweenAsync(claimant, respondent, Scenario.Dispute(Title,
            "The sofa came in grey, not green.", "Rob", "I ordered green and got grey."))).DisputeId;

        await using var claimantContext = await NewContextAsync();
        await using var respondentContext = await NewContextAsync();
        await using var mediatorContext = await NewContextAsync();
        await using var readerContext = await NewContextAsync();
        var carla = await OpenAsync(await BrowserJourney.SignedInPageAsync(claimantContext, "carla@example.test"), id);
        var rob = await OpenAsync(await BrowserJourney.SignedInPageAsync(respondentContext, "rob@example.test"), id);
        var ines = await BrowserJourney.SignedInPageAsync(mediatorContext, "ines@example.test");
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync($"/disputes/{id}");
        await BrowserFixture.WaitForLiveAsync(reader);

        // The claimant asks; the respondent's open page shows the request without a reload, and they agree.
        await carla.GetByRole(AriaRole.Button, new() { Name = "Ask for a mediator" }).ClickAsync();
        await Expect(rob.GetByTestId("mediation-status")).ToHaveTextAsync("Asked for");
        await Expect(rob.GetByTestId("mediation-state")).ToContainTextAsync("The claimant asked for a neutral mediator");
        await Expect(rob.GetByRole(AriaRole.Button, new() { Name = "Withdraw the request" })).ToHaveCountAsync(0);
        await Expect(carla.GetByRole(AriaRole.Button, new() { Name = "Withdraw the request" })).ToBeVisibleAsync();
        await ShootAsync(rob, "mediation-1-requested");
        await rob.GetByRole(AriaRole.Button, new() { Name = "Agree to mediation" }).ClickAsync();
        await Expect(carla.GetByTestId("mediation-status")).ToHaveTextAsync("Waiting for a mediator");

        // The mediator finds it in the queue, reads the dispute and takes it.
        await ines.GotoAsync("/mediation");
        var queued = ines.GetByTestId("mediation-queue-item");
        await Expect(queued).ToContainTextAsync("Waiting for a mediator");
        await ShootAsync(ines, "mediation-2-queue");
        await queued.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await BrowserFixture.WaitForCircuitAsync(ines);
        await ines.GetByRole(AriaRole.Button, new() { Name = "Take this mediation" }).ClickAsync();
        await Expect(rob.GetByTestId("mediation-state")).ToContainTextAsync("Ines Mediator is mediating since");
        await Expect(ines.GetByText("A dispute's mediator stays neutral and does not vote on it.")).ToBeVisibleAsync();
        await Expect(ines.GetByRole(AriaRole.Button, new() { Name = "Claimant at fault" })).ToHaveCountAsync(0);

        // A note: with the mediator's badge on both parties' pages, and live on the reader's.
        await ines.Locator("#mediator-note").FillAsync("Could the shop **collect the grey sofa** and deliver a green one?");
        await ines.GetByRole(AriaRole.Button, new() { Name = "Post the note" }).ClickAsync();
        foreach (var page in new[] { carla, rob, reader })
        {
            var note = page.GetByTestId("mediator-note");
            await Expect(note).ToContainTextAsync("collect the grey sofa");
            await Expect(note.GetByTestId("mediator-badge")).ToHaveTextAsync("Mediator");
        }
        await Expect(reader.GetByTestId("mediator-note").Locator(".cf-markdown strong")).ToHaveTextAsync("collect the grey sofa");
        await ShootAsync(carla, "mediation-3-note-party");
        await ShootAsync(reader, "mediation-3-note-reader");

        // The mediator proposes terms; each party accepts, and every open page shows the dispute settled on them.
        await ines.GetByRole(AriaRole.Button, new() { Name = "Propose terms" }).ClickAsync();
        await ines.Locator("#proposal-terms").FillAsync("The shop swaps the sofa for a **green** one and refunds delivery.");
        await ines.Locator("#proposal-amount").FillAsync("40");
        await ines.Locator("#proposal-currency").FillAsync("GBP");
        await ShootAsync(ines, "mediation-4-mediator-proposing");
        await ines.GetByRole(AriaRole.Button, new() { Name = "Put the proposal forward" }).ClickAsync();
        await Expect(ines.GetByTestId("proposal").GetByTestId("proposal-status")).ToHaveTextAsync("Open");
        var carlasProposal = carla.GetByTestId("proposal");
        await Expect(carlasProposal.GetByTestId("proposal-status")).ToHaveTextAsync("Open");
        await Expect(carlasProposal).ToContainTextAsync("The shop swaps the sofa for a green one and refunds delivery.");
        await Expect(carlasProposal).ToContainTextAsync("Accepting binds you once the other party has accepted too");
        await ShootAsync(carla, "mediation-4-proposal");
        await carlasProposal.GetByRole(AriaRole.Button, new() { Name = "Accept the proposal" }).ClickAsync();
        await Expect(rob.GetByTestId("proposal")).ToContainTextAsync("Accepted by the claimant on");
        await rob.GetByTestId("proposal").GetByRole(AriaRole.Button, new() { Name = "Accept the proposal" }).ClickAsync();

        foreach (var page in new[] { carla, rob, ines, reader })
        {
            await Expect(page.GetByTestId("status")).ToHaveTextAsync("Settled");
            await Expect(page.GetByTestId("settlement")).ToContainTextAsync("swaps the sofa for a green one");
            await Expect(page.GetByTestId("settled-through-mediation")).ToContainTextAsync("the mediator's proposal");
            await Expect(page.GetByTestId("mediation-state")).ToContainTextAsync("the dispute settled on it");
        }
        await Expect(carla.GetByRole(AriaRole.Button, new() { Name = "Accept the proposal" })).ToHaveCountAsync(0);
        await Expect(ines.GetByRole(AriaRole.Button, new() { Name = "Post the note" })).ToHaveCountAsync(0);
        await ShootAsync(rob, "mediation-5-settled-party");
        await ShootAsync(reader, "mediation-5-settled-reader");
    }

    private Task<IBrowserContext> NewContextAsync() => browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });

    private static async Task<IPage> OpenAsync(IPage page, int id)
    {
        await page.GotoAsync($"/disputes/{id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>
    /// The page as it is now at a desktop's width and a phone's (<see cref="BrowserJourney.ShootAsync"/>), and the mediation
    /// panel alone at a phone's.
    /// </summary>
    private static Task ShootAsync(IPage page, string name) => BrowserJourney.ShootAsync(page, name, async () =>
    {
        var panel = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-375-mediation.png");
        if (await page.GetByTestId("mediation").CountAsync() == 1)
            await page.GetByTestId("mediation").ScreenshotAsync(new() { Path = panel });
    });

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
