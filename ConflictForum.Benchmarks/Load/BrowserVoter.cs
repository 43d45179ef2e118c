using System.Diagnostics;
using Microsoft.Playwright;

namespace ConflictForum.Benchmarks.Load;

/// <summary>
/// A member voting the way a person does: signed in through the site in a real Chromium, clicking the vote button on
/// the dispute page. The driver times from the click to the new tally on every other open page.
/// </summary>
public sealed class BrowserVoter : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserVoter(IPlaywright playwright, IBrowser browser) => (this.playwright, this.browser) = (playwright, browser);

    public static string ExecutablePath =>
        new[] { Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH"), "/usr/bin/chromium" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
        ?? throw new InvalidOperationException(
            "No Chromium found: install one (Debian: apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.");

    public static async Task<BrowserVoter> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        return new BrowserVoter(playwright, browser);
    }

    /// <summary>Signs the member in on <paramref name="root"/> and opens the dispute page, live (its circuit started).</summary>
    public async Task<IPage> OpenSignedInAsync(Uri root, string email, string password, int disputeId)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = root.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByTestId("user-name").WaitForAsync();
        await page.GotoAsync($"/disputes/{disputeId}");
        await page.Locator("[data-interactive]").WaitForAsync(); // the page's circuit is live
        return page;
    }

    /// <summary>Clicks a fault vote; returns the Stopwatch timestamp of the click as the page received it.</summary>
    public static async Task<long> VoteAsync(IPage page, string option)
    {
        var button = page.GetByTestId($"vote-{option}");
        await button.WaitForAsync();
        return await ClickedAtAsync(page, button);
    }

    /// <summary>Posts a top-level comment; returns the Stopwatch timestamp of the click as the page received it.</summary>
    public static async Task<long> CommentAsync(IPage page, string text)
    {
        await page.Locator("#new-comment").FillAsync(text);
        var post = page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true });
        await Assertions.Expect(post).ToBeEnabledAsync(); // the field reports its text after a short debounce
        return await ClickedAtAsync(page, post);
    }

    /// <summary>
    /// Clicks <paramref name="target"/> and returns when the page's click event fired, on the driver's Stopwatch: Playwright's
    /// checks before it dispatches a click (visible, stable over two animation frames, hit target) are the driver's time, not
    /// the vote's. Browser and driver read the same system clock.
    /// </summary>
    private static async Task<long> ClickedAtAsync(IPage page, ILocator target)
    {
        await page.EvaluateAsync(
            "() => document.addEventListener('click', () => window.cfClickedAt = Date.now(), { capture: true, once: true })");
        var called = Stopwatch.GetTimestamp();
        await target.ClickAsync();
        var clickedMs = await page.EvaluateAsync<double>("() => window.cfClickedAt");
        var (now, nowMs) = (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var clicked = Math.Max(called, now - (long)((nowMs - clickedMs) * Stopwatch.Frequency / 1000)); // not before the call
        LoadDriver.Log($"clicked {Stopwatch.GetElapsedTime(called, clicked).TotalMilliseconds:N0} ms after the call (Playwright's checks)");
        return clicked;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
