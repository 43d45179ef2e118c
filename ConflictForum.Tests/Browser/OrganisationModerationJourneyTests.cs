using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// A reader flags an organisation from its (statically rendered) page; a moderator hides it from the queue; its owner
/// appeals from the page, which says the appeal is waiting.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OrganisationModerationJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly ForumAppFactory app = new(kestrel: true);

    [BrowserFact]
    public async Task A_reader_flags_an_organisation_a_moderator_hides_it_and_its_owner_appeals_from_its_page()
    {
        var owner = await BrowserJourney.CreateMemberAsync(app, "Olga Owner", "olga@bolt.example");
        await BrowserJourney.CreateMemberAsync(app, "Rita Reader", "rita@example.test");
        var moderator = await new Scenario(app).WithRoleAsync(
            await BrowserJourney.CreateMemberAsync(app, "Mona Moderator", "mona@example.test"), ForumRoles.Moderator);
        var id = await new Scenario(app).BoltAsync(owner, verified: false);

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await BrowserJourney.SignedInPageAsync(context, "rita@example.test");
        await reader.GotoAsync("/organisations/" + Scenario.BoltSlug);
        await BrowserFixture.WaitForCircuitAsync(reader);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Flag this organisation" }).ClickAsync();
        await reader.GetByText("Spam", new() { Exact = true }).ClickAsync();
        await reader.GetByRole(AriaRole.Button, new() { Name = "Send flag" }).ClickAsync();
        await Expect(reader.GetByText("Flagged: moderators will review it.")).ToBeVisibleAsync();

        var moderatorPage = await BrowserJourney.SignedInPageAsync(
            await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() }), "mona@example.test");
        await moderatorPage.GotoAsync("/moderation");
        await BrowserFixture.WaitForCircuitAsync(moderatorPage);
        var item = moderatorPage.GetByTestId("queue-item");
        await Expect(item).ToContainTextAsync("Bolt Couriers Ltd");
        await item.GetByLabel("Reason (public)").FillAsync("Pretends to be a courier it is not.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Hide", Exact = true }).ClickAsync();
        // Hiding asks first (the shared confirmation).
        await moderatorPage.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Hide", Exact = true }).ClickAsync();
        await Expect(moderatorPage.GetByTestId("queue-empty")).ToBeVisibleAsync();

        var ownerPage = await BrowserJourney.SignedInPageAsync(
            await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() }), "olga@bolt.example");
        await ownerPage.GotoAsync("/organisations/" + Scenario.BoltSlug);
        // Its manage panel is an island too: the page's islands share one circuit, so the first to attach stands for both.
        await Expect(ownerPage.Locator("[data-interactive]").First).ToBeVisibleAsync();
        await Expect(ownerPage.GetByTestId("hidden-notice")).ToContainTextAsync("Hidden by a moderator: Pretends to be a courier");
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Appeal (once)" }).ClickAsync();
        await ownerPage.GetByLabel("Why should it be shown again?").FillAsync("We are Bolt; our domain proves it.");
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Send appeal" }).ClickAsync();
        await Expect(ownerPage.GetByTestId("appeal-state")).ToHaveTextAsync(HiddenItems.AppealWaiting);

        await using var scope = app.Services.CreateAsyncScope();
        var queue = await scope.ServiceProvider.GetRequiredService<ModerationQueries>().QueueAsync(moderator);
        Assert.True(Assert.Single(queue).State is { Kind: ContentKind.Organisation, AppealPending: true } state && state.ItemId == id);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
