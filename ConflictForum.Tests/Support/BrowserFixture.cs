using Microsoft.Playwright;

namespace ConflictForum.Tests.Support;

/// <summary>One headless Chromium for all browser tests: PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, else /usr/bin/chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public const string HowToInstall =
        "No Chromium found. Install one (Debian: apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.";

    public static string? ExecutablePath =>
        new[] { Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH"), "/usr/bin/chromium" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    public IBrowser Browser => browser ?? throw new InvalidOperationException(HowToInstall);

    /// <summary>Where journeys save screenshots of their key pages.</summary>
    public static string ScreenshotFolder { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>
    /// Clicks before the circuit is up are lost; an interactive page marks itself <c>data-interactive</c> only once it is.
    /// After following a link from another interactive page, first wait for something of the new page: until enhanced
    /// navigation patches it in, the old page's mark still answers.
    /// </summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive]")).ToBeVisibleAsync();

    /// <summary>Waits until a reader's static dispute page has its live stream open (live.js marks it).</summary>
    public static Task WaitForLiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-live-src][data-live=on]")).ToBeVisibleAsync();

    public async Task InitializeAsync()
    {
        // Other test classes run in parallel on two cores: give a loaded machine time, never a retry.
        Assertions.SetDefaultExpectTimeout(15_000);
        if (ExecutablePath is not { } executable) return;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Root has no sandbox here; the closed network refuses Chromium's background calls, so make none.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}

/// <summary>
/// The browser tests, one after another and alone, after every other test: on two cores a journey timed against a live
/// page shares the machine with nothing else (run beside the other tests, a circuit's answer could take longer than an
/// assertion waits).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// A browser test. Without a Chromium it is skipped with instructions, except under CI=true,
/// where it runs and fails: CI must never pass by skipping the browser.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        var underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (BrowserFixture.ExecutablePath is null && !underCi) Skip = BrowserFixture.HowToInstall;
    }
}
