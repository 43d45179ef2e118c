using ConflictForum.Features.Accounts;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class DisputeJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string Password = "a long and memorable passphrase";
    private readonly ForumAppFactory app = new(kestrel: true);

    [BrowserFact]
    public async Task Claimant_opens_a_dispute_the_other_party_joins_by_link_and_the_record_verifies()
    {
        await CreateMemberAsync("Dana Whitfield", "dana@example.test");
        await CreateMemberAsync("Northwind Appliances", "support@example.test");
        await using var claimantContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        await using var respondentContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var claimant = await SignedInPageAsync(claimantContext, "dana@example.test");

        // A draft survives a reload: nothing typed is lost to a dropped connection.
        await claimant.GotoAsync("/disputes/new");
        await BrowserFixture.WaitForCircuitAsync(claimant);
        await claimant.Locator("#statement").FillAsync("My **washing machine** broke after 22 days.\n\n- reset twice\n- filter cleaned");
        await claimant.WaitForTimeoutAsync(600); // the editor saves the draft after its debounce
        await claimant.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(claimant);
        await Expect(claimant.Locator("#statement")).ToHaveValueAsync("My **washing machine** broke after 22 days.\n\n- reset twice\n- filter cleaned");
        await Expect(claimant.GetByText("Restored the draft saved in this browser.")).ToBeVisibleAsync();

        await claimant.Locator("#title").FillAsync("Washing machine failed after three weeks");
        await claimant.Locator("#summary").FillAsync("It stopped spinning 22 days after delivery and the refund was refused.");
        await claimant.Locator("#respondent-name").FillAsync("Northwind Appliances");
        await claimant.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Expect(claimant.Locator(".cf-markdown strong")).ToHaveTextAsync("washing machine");
        await claimant.GetByRole(AriaRole.Button, new() { Name = "Open the dispute" }).ClickAsync();

        await Expect(claimant.GetByRole(AriaRole.Heading, new() { Name = "Your dispute is open" })).ToBeVisibleAsync();
        var link = (await claimant.GetByTestId("invitation-link").TextContentAsync())!.Trim();
        Assert.StartsWith(app.RootUri + "invitations/", link, StringComparison.Ordinal);

        var respondent = await SignedInPageAsync(respondentContext, "support@example.test");
        await respondent.GotoAsync(link);
        await Expect(respondent.GetByText("Washing machine failed after three weeks")).ToBeVisibleAsync();
        await BrowserFixture.WaitForCircuitAsync(respondent);
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Accept and answer as the respondent" }).ClickAsync();
        await Expect(respondent.GetByTestId("status")).ToHaveTextAsync("Open for votes");
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Post your statement" }).ClickAsync();
        await respondent.Locator("#statement-editor-Respondent").FillAsync("Error **E21** is a blocked pump; we offer a repair on 12 December.");
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Expect(respondent.GetByTestId("statement-respondent").Locator(".cf-markdown strong")).ToHaveTextAsync("E21");

        await claimant.GotoAsync("/disputes");
        await claimant.GetByRole(AriaRole.Link, new() { Name = "Washing machine failed after three weeks" }).ClickAsync();
        await Expect(claimant.GetByTestId("statement-claimant").Locator(".cf-markdown strong")).ToHaveTextAsync("washing machine");
        await Expect(claimant.GetByTestId("statement-respondent").Locator(".cf-markdown strong")).ToHaveTextAsync("E21");
        await BrowserFixture.WaitForCircuitAsync(claimant);
        await claimant.GetByRole(AriaRole.Button, new() { Name = "Verify record" }).ClickAsync();
        await Expect(claimant.GetByTestId("verdict")).ToHaveTextAsync("The record is intact: all 5 entries match their hashes.");
        await claimant.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dispute-both-sides.png"), FullPage = true });
    }

    private async Task CreateMemberAsync(string displayName, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var created = await users.CreateAsync(new ForumUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTime.UtcNow,
        }, Password);
        Assert.True(created.Succeeded);
    }

    private static async Task<IPage> SignedInPageAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
        return page;
    }


    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
