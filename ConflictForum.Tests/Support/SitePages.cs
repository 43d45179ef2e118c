using Microsoft.Playwright;

namespace ConflictForum.Tests.Support;

/// <summary>Opening a page of <see cref="DemoSite"/> and showing it in one theme at one width, settled, for a check.</summary>
public static class SitePages
{
    /// <summary>A fresh browser context at the site: no motion to wait for, and a desktop's window to start.</summary>
    public static Task<IBrowserContext> NewContextAsync(BrowserFixture browser, DemoSite site) =>
        browser.Browser.NewContextAsync(new()
        {
            BaseURL = site.App.RootUri.ToString(),
            ViewportSize = new() { Width = 1440, Height = 900 },
            ReducedMotion = ReducedMotion.Reduce,
        });

    /// <summary>Goes to <paramref name="path"/> and, when the page has an interactive part, waits until its circuit is up.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true } || path == "/not-found", $"{path} answered {response?.Status}");
        // A part prerendered for a circuit carries Blazor's marker; checking it before then would check what is replaced.
        if ((await page.ContentAsync()).Contains("Blazor:{\"type\":\"server\"", StringComparison.Ordinal))
            await Assertions.Expect(page.Locator("[data-interactive]").First).ToBeAttachedAsync();
    }

    /// <summary>The page in <paramref name="theme"/> (light or dark) at <paramref name="width"/> px, once nothing moves.</summary>
    public static async Task ViewAsync(IPage page, string theme, int width)
    {
        await page.EvaluateAsync("theme => window.conflictForum.rememberTheme(theme)", theme);
        if (page.ViewportSize?.Width != width) await page.SetViewportSizeAsync(width, 900);
        // The notice that a reader's page is not live waits 8 s before it shows; it is the one motion not waited for.
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.animationName === 'cf-live-appear')");
    }
}
