using ConflictForum.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class AccountJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string Password = "a long and memorable passphrase";
    private readonly ForumAppFactory app = new(kestrel: true);

    [BrowserFact]
    public async Task New_member_registers_confirms_signs_in_and_out_in_a_real_browser()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settle it in the open." })).ToBeVisibleAsync();

        // The theme switches in place (site.js; the home page has no circuit), and the browser remembers it for the account pages.
        var lightBackground = await BackgroundAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        Assert.NotEqual(lightBackground, await BackgroundAsync(page));
        await page.ScreenshotAsync(new() { Path = Shot("home-dark.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Join the forum" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();
        await Expect(page.Locator("meta[name='color-scheme']")).ToHaveAttributeAsync("content", "dark");
        await page.GetByLabel("Display name").FillAsync("Marie Curie");
        await page.GetByLabel("E-mail").FillAsync("marie@example.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.ScreenshotAsync(new() { Path = Shot("register-dark.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();

        await page.GotoAsync(app.Mail.LinkIn("marie@example.test", "Confirm").PathAndQuery);
        await Expect(page.GetByText("your e-mail address is confirmed")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByLabel("E-mail").FillAsync("marie@example.test");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Marie Curie");
        await Expect(page.GetByText("Welcome back, Marie Curie.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("home-signed-in.png"), FullPage = true });

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("user-name")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task On_a_phone_the_site_fits_the_screen_and_the_menu_opens_from_the_keyboard()
    {
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.RootUri.ToString(),
            ViewportSize = new() { Width = 375, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The home page scrolls sideways on a phone.");
        var homeLink = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Home" });
        await Expect(homeLink).Not.ToBeInViewportAsync();

        // Navigation puts focus on the page heading; the menu button is a few Shift+Tabs back, in the app bar.
        var presses = 0;
        while (await page.EvaluateAsync<string?>("document.activeElement?.getAttribute('aria-label')") != "Toggle navigation")
        {
            Assert.True(++presses <= 6, "The menu button cannot be reached from the keyboard.");
            await page.Keyboard.PressAsync("Shift+Tab");
        }
        await page.Keyboard.PressAsync("Enter");
        await Expect(homeLink).ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = Shot("phone-menu.png") });
        // Following a link puts the menu away again.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Disputes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Disputes", Exact = true })).ToBeVisibleAsync();
        await Expect(homeLink).Not.ToBeInViewportAsync();

        await page.GotoAsync("/Account/Register");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The register page scrolls sideways on a phone.");
        await page.ScreenshotAsync(new() { Path = Shot("phone-register.png"), FullPage = true });
        // The menu needs no circuit: it opens on this static page too, and Escape closes it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(homeLink).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(homeLink).Not.ToBeInViewportAsync();
    }

    [BrowserFact]
    public async Task On_a_phone_a_member_can_sign_out_from_every_page()
    {
        await BrowserJourney.CreateMemberAsync(app, "Maximilian Wellington-Smythe", "max@example.test");
        foreach (var width in new[] { 375, 320 })
        {
            await using var context = await browser.Browser.NewContextAsync(new()
            {
                BaseURL = app.RootUri.ToString(),
                ViewportSize = new() { Width = width, Height = 740 },
                IsMobile = true,
                HasTouch = true,
            });
            var page = await BrowserJourney.SignedInPageAsync(context, "max@example.test");
            var appBarSignOut = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });
            foreach (var path in new[] { "/", "/disputes", "/disputes/new", "/Account/Manage" })
            {
                await page.GotoAsync(path);
                await Expect(appBarSignOut).ToBeInViewportAsync(new() { Ratio = 1 });
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
                    $"{path} scrolls sideways at {width} px.");
            }
            // The account page and the menu offer it too.
            await Expect(page.GetByRole(AriaRole.Main)
                .GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
            var menuSignOut = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });
            await Expect(menuSignOut).ToBeInViewportAsync();
            await page.ScreenshotAsync(new() { Path = Shot($"phone-{width}-menu-signed-in.png") });

            await menuSignOut.ClickAsync();

            await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("user-name")).ToHaveCountAsync(0);
            await page.GotoAsync("/Account/Manage");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        }
    }

    [BrowserFact]
    public async Task On_a_wide_screen_the_menu_sits_beside_the_page_and_can_be_put_away()
    {
        await using var context = await WideScreenAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var homeLink = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Home" });
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Settle it in the open." });
        await Expect(homeLink).ToBeInViewportAsync();
        var besideMenu = (await heading.BoundingBoxAsync())!.X;

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(homeLink).Not.ToBeInViewportAsync();
        await Expect(homeLink).Not.ToBeVisibleAsync(); // out of the tab order too
        // The page takes the width the menu gave up (after the slide).
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((await heading.BoundingBoxAsync())!.X > besideMenu - 100)
        {
            Assert.True(DateTime.UtcNow < deadline, "The page did not widen when the menu was put away.");
            await page.WaitForTimeoutAsync(50);
        }

        // It stays put away on the next page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Join the forum" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();
        await Expect(homeLink).Not.ToBeInViewportAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(homeLink).ToBeInViewportAsync();
    }

    [BrowserFact]
    public async Task Following_a_menu_link_takes_the_keyboard_to_the_new_page_heading()
    {
        await using var context = await WideScreenAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Disputes" }).ClickAsync();

        // The new page arrives without a reload, so the browser would leave the focus on the link: a screen reader would
        // not announce the page. The focus moves to its heading instead, and stays there once the page has gone live.
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Disputes", Level = 1 })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Disputes" })).Not.ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task A_refused_sign_in_takes_the_keyboard_to_the_reason()
    {
        await using var context = await WideScreenAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync("nobody@example.test");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel("Password").PressAsync("Enter");

        // The page comes back from the server with no circuit: the reason takes the focus as it loads, so it is said first.
        var reason = page.GetByRole(AriaRole.Alert);
        await Expect(reason).ToContainTextAsync("do not match an account");
        await Expect(reason).ToBeFocusedAsync();
        await Expect(page.GetByLabel("E-mail")).ToHaveValueAsync("nobody@example.test");
    }

    private Task<IBrowserContext> WideScreenAsync() =>
        browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
