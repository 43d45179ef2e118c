using ConflictForum.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// A company's owner creates its organisation, verifies it by the mail sent to an address at its domain (from the pickup
/// folder), and invites an agent, who joins by the link in their own mail.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OrganisationJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly ForumAppFactory app = new(kestrel: true);

    [BrowserFact]
    public async Task An_owner_creates_the_organisation_verifies_it_by_mail_and_an_invited_agent_joins()
    {
        await BrowserJourney.CreateMemberAsync(app, "Olga Owner", "olga@bolt.example");
        await BrowserJourney.CreateMemberAsync(app, "Alex Agent", "alex@bolt.example");
        await using var ownerContext = await NewContextAsync();
        await using var agentContext = await NewContextAsync();

        var olga = await BrowserJourney.SignedInPageAsync(ownerContext, "olga@bolt.example");
        await olga.GotoAsync("/organisations/new");
        await BrowserFixture.WaitForCircuitAsync(olga);
        await olga.Locator("#organisation-name").FillAsync("Bolt Couriers Ltd");
        await olga.Locator("#organisation-slug").FillAsync("bolt-couriers");
        await olga.Locator("#organisation-website").FillAsync("https://www.bolt.example");
        await olga.Locator("#organisation-description").FillAsync("Same-day parcels across the city.");
        await olga.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(olga).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/organisations/bolt-couriers$"));
        await Expect(olga.GetByTestId("organisation-badge")).ToHaveTextAsync("Not verified");

        // Verified by the link mailed to an address at the website's domain.
        await BrowserFixture.WaitForCircuitAsync(olga);
        await olga.Locator("#domain-address").FillAsync("ops@bolt.example");
        await olga.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(olga.GetByTestId("organisation-manage-status")).ToContainTextAsync("Sent to ops@bolt.example");
        await olga.GotoAsync(app.Mail.LinkIn("ops@bolt.example", "Confirm that Bolt Couriers Ltd").ToString());
        await Expect(olga.GetByTestId("organisation-confirmed")).ToBeVisibleAsync();
        await olga.GetByRole(AriaRole.Link, new() { Name = "See its page" }).ClickAsync();
        await Expect(olga.GetByTestId("organisation-badge")).ToHaveTextAsync("Verified · mail domain");

        // The agent is invited by mail and joins by its link.
        await BrowserFixture.WaitForCircuitAsync(olga);
        await olga.Locator("#agent-address").FillAsync("alex@bolt.example");
        await olga.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await Expect(olga.GetByTestId("organisation-manage-status")).ToContainTextAsync("Invitation sent to alex@bolt.example");
        var alex = await BrowserJourney.SignedInPageAsync(agentContext, "alex@bolt.example");
        await alex.GotoAsync(app.Mail.LinkIn("alex@bolt.example", "invites you to answer for Bolt Couriers Ltd").ToString());
        await Expect(alex.GetByTestId("organisation-joined")).ToBeVisibleAsync();
        await alex.GetByRole(AriaRole.Link, new() { Name = "See its page" }).ClickAsync();
        await Expect(alex.GetByTestId("organisation-members")).ToContainTextAsync("Alex Agent · agent");
        await Expect(alex.GetByTestId("organisation-manage")).ToHaveCountAsync(0); // agents do not manage it

        await olga.ReloadAsync();
        await Expect(olga.GetByTestId("organisation-members")).ToContainTextAsync("Alex Agent · agent");
        await Expect(olga.GetByTestId("organisation-members").Locator(".mud-list-item").First).ToContainTextAsync("owner");
        await ShootAsync(olga, "organisation-owner");
        await ShootAsync(alex, "organisation-agent");
    }

    private Task<IBrowserContext> NewContextAsync() => browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });

    /// <summary>The page at a desktop's width and a phone's, from the top, each once nothing moves and nothing is too wide.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1440, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await page.WaitForFunctionAsync(
                "() => document.getAnimations().length === 0 && document.documentElement.scrollWidth <= window.innerWidth");
            var path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
