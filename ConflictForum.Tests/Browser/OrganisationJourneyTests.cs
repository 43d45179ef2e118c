using ConflictForum.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// A company's owner creates its organisation, verifies it by the mail sent to an address at its domain (from the pickup
/// folder), and invites an agent, who joins by the link in their own mail; a customer opens a dispute against it, the agent
/// answers it for the organisation and makes an offer, and the organisation's page shows how fast it responded.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OrganisationJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly ForumAppFactory app = new(kestrel: true);

    [BrowserFact]
    public async Task An_owner_verifies_the_organisation_by_mail_an_invited_agent_answers_a_customer_and_its_page_shows_it()
    {
        await BrowserJourney.CreateMemberAsync(app, "Olga Owner", "olga@bolt.example");
        await BrowserJourney.CreateMemberAsync(app, "Alex Agent", "alex@bolt.example");
        await BrowserJourney.CreateMemberAsync(app, "Cara Customer", "cara@example.test");
        await using var ownerContext = await NewContextAsync();
        await using var agentContext = await NewContextAsync();
        await using var customerContext = await NewContextAsync();

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
        await BrowserJourney.ShootAsync(alex, "organisation-agent");

        // A customer opens a dispute against it, choosing it among the organisations that match what they type.
        var cara = await BrowserJourney.SignedInPageAsync(customerContext, "cara@example.test");
        await cara.GotoAsync("/disputes/new");
        await BrowserFixture.WaitForCircuitAsync(cara);
        await cara.Locator("#title").FillAsync("Parcel left out in the rain");
        await cara.Locator("#summary").FillAsync("The driver left my parcel on the step in a downpour.");
        await cara.Locator("#respondent-name").FillAsync("bolt");
        await cara.GetByTestId("organisation-matches").GetByRole(AriaRole.Button, new() { Name = "Bolt Couriers Ltd" }).ClickAsync();
        await Expect(cara.GetByTestId("respondent-organisation")).ToContainTextAsync("Verified · mail domain");
        await Expect(cara.Locator("#respondent-name")).ToHaveValueAsync("Bolt Couriers Ltd");
        const string statement = "The box was **soaked** and the book inside ruined.";
        await cara.Locator("#statement").FillAsync(statement);
        await Expect(cara.GetByText($"{statement.Length} / 20000")).ToBeVisibleAsync(); // the server has it (its counter)
        // Preview first, as the dispute journey does: the field's blur re-renders the form before the click, not under it (a
        // click whose mousedown blurs the field can land on a shifted layout and be lost).
        await cara.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Expect(cara.Locator(".cf-markdown strong")).ToBeVisibleAsync();
        await cara.GetByRole(AriaRole.Button, new() { Name = "Open the dispute" }).ClickAsync();
        await Expect(cara.GetByRole(AriaRole.Heading, new() { Name = "Your dispute is open" })).ToBeVisibleAsync();
        await cara.GetByRole(AriaRole.Link, new() { Name = "Go to the dispute" }).ClickAsync();
        await Expect(cara.GetByTestId("respondent-organisation").First).ToHaveTextAsync("Bolt Couriers Ltd");

        // The agent hears of it, answers for the organisation without any link, and offers a refund.
        await alex.GotoAsync("/notifications");
        await BrowserFixture.WaitForCircuitAsync(alex);
        await alex.GetByRole(AriaRole.Link, new() { Name = "Parcel left out in the rain" }).First.ClickAsync();
        await Expect(alex.GetByTestId("organisation-answer")).ToBeVisibleAsync(); // the dispute's page, not still the list
        await BrowserFixture.WaitForCircuitAsync(alex);
        await alex.GetByRole(AriaRole.Button, new() { Name = "Answer for Bolt Couriers Ltd" }).ClickAsync();
        await alex.GetByRole(AriaRole.Button, new() { Name = "Post your statement" }).ClickAsync();
        await alex.Locator("#statement-editor-Respondent").FillAsync("Our driver should have waited; we are **sorry**.");
        await alex.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync(); // lets the field's blur settle first
        await Expect(alex.GetByTestId("statement-respondent").Locator(".mud-tabs .cf-markdown strong")).ToHaveTextAsync("sorry");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Expect(alex.GetByTestId("status")).ToHaveTextAsync("Open for votes");
        await alex.Locator("#offer-terms").FillAsync("We refund the book and the delivery fee.");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Make the offer" }).ClickAsync();
        await Expect(cara.GetByTestId("offer").First).ToContainTextAsync("Alex Agent for Bolt Couriers Ltd");
        await Expect(cara.GetByTestId("statement-respondent")).ToContainTextAsync("Alex Agent for Bolt Couriers Ltd");

        // Its public page shows, from the record, that it answered within the hour.
        await cara.GotoAsync("/organisations/bolt-couriers");
        await Expect(cara.GetByTestId("figure-first-response").GetByTestId("figure-value")).ToHaveTextAsync("under an hour");
        await Expect(cara.GetByTestId("figure-response-rate").GetByTestId("figure-value")).ToHaveTextAsync("100%");
        await BrowserJourney.ShootAsync(cara, "organisation-page");
        await BrowserJourney.ShootAsync(olga, "organisation-owner");
    }

    private Task<IBrowserContext> NewContextAsync() => browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });


    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
