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

    public static async Task<IPage> SignedInPageAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
        return page;
    }
}
