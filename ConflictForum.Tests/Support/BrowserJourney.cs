using ConflictForum.Features.Accounts;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConflictForum.Tests.Support;

/// <summary>The steps browser journeys share: a confirmed member with a password, and signing in through the real page.</summary>
public static class BrowserJourney
{
    public const string Password = "a long and memorable passphrase";

    public static async Task<ForumActor> CreateMemberAsync(ForumAppFactory app, string displayName, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var user = new ForumUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = displayName, CreatedAt = DateTime.UtcNow
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync(user.Id);
    }

    /// <param name="password">Default <see cref="Password"/>; the demo accounts' is in their data folder.</param>
    public static async Task<IPage> SignedInPageAsync(IBrowserContext context, string email, string password = Password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// The page at a desktop's width and a phone's, from the top, each once nothing moves and nothing is wider than the
    /// window (the menu drawer slides shut when the window narrows; the fixed app bar is drawn where the window last was).
    /// </summary>
    /// <param name="atPhoneWidth">More to shoot while the page is still at a phone's width, settled.</param>
    public static async Task ShootAsync(IPage page, string name, Func<Task>? atPhoneWidth = null)
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
        if (atPhoneWidth is not null) await atPhoneWidth();
        await page.SetViewportSizeAsync(1280, 900);
    }
}
