using ConflictForum.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class SecurityHeadersTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly ForumAppFactory app = new(kestrel: true);

    [BrowserFact]
    public async Task The_site_works_under_its_content_security_policy_without_a_single_violation()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };

        var response = await page.GotoAsync("/");
        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await page.GotoAsync("/disputes");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GotoAsync("/Account/Register");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
