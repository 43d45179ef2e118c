using System.Diagnostics;
using System.Globalization;
using System.Text;
using ConflictForum.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// Every page of the forum, as a reader, a member, a party, an organisation's owner, a moderator, an admin and a mediator,
/// in the light and the dark theme, at a desktop's width and a phone's: axe-core finds no serious or critical violation.
/// The table of counts goes to the test's output and to <c>screenshots/axe-table.md</c>.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, DemoSite site, ITestOutputHelper output) : IClassFixture<DemoSite>
{
    // Only what failed comes back in full: the passes of every node would make most of a run's time.
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations], Iframes = false };

    private static readonly (string Theme, int Width)[] Views = [("light", 1440), ("light", 375), ("dark", 375), ("dark", 1440)];

    [BrowserFact]
    public async Task Every_page_for_everyone_in_both_themes_at_both_widths_has_no_serious_or_critical_axe_violation()
    {
        var clock = Stopwatch.StartNew();
        var (axeTime, openTime, viewTime) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        var table = new StringBuilder("| who | page | " + string.Join(" | ", Views.Select(v => $"{v.Theme} {v.Width}")) + " |\n");
        table.Append("|---|---|" + string.Concat(Views.Select(_ => "---|")) + "\n");
        var failures = new List<string>();
        foreach (var group in site.Pages.GroupBy(p => p.Who))
        {
            await using var context = await SitePages.NewContextAsync(browser, site);
            var page = await site.VisitAsAsync(context, group.Key);
            foreach (var visit in group)
            {
                openTime.Start();
                await SitePages.OpenAsync(page, visit.Path);
                openTime.Stop();
                table.Append(CultureInfo.InvariantCulture, $"| {visit.Who} | {visit.Name} |");
                foreach (var (theme, width) in Views)
                {
                    viewTime.Start();
                    await SitePages.ViewAsync(page, theme, width);
                    viewTime.Stop();
                    axeTime.Start();
                    var found = (await page.RunAxe(ViolationsOnly)).Violations;
                    axeTime.Stop();
                    var serious = found.Where(v => v.Impact is "serious" or "critical").ToList();
                    table.Append(CultureInfo.InvariantCulture, $" {serious.Count}{(found.Length > serious.Count ? $" ({found.Length - serious.Count} lesser)" : "")} |");
                    failures.AddRange(serious.SelectMany(v => v.Nodes.Take(3).Select(n =>
                        $"{visit.Who} · {visit.Name} ({visit.Path}) · {theme} {width}: {v.Id} ({v.Impact}) at {n.Target}: " +
                        $"{Short(n.Html)} {Short(string.Join("; ", (n.Any ?? []).Concat(n.None ?? []).Concat(n.All ?? []).Select(c => c.Message)))}")));
                }
                table.Append('\n');
            }
        }
        table.Append(CultureInfo.InvariantCulture, $"\n{site.Pages.Count} pages × {Views.Length} views in {clock.Elapsed.TotalSeconds:F0} s ");
        table.Append(CultureInfo.InvariantCulture, $"(axe {axeTime.Elapsed.TotalSeconds:F0} s, opening pages {openTime.Elapsed.TotalSeconds:F0} s, ");
        table.Append(CultureInfo.InvariantCulture, $"themes and widths {viewTime.Elapsed.TotalSeconds:F0} s).\n");
        output.WriteLine(table.ToString());
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "axe-table.md"), table.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    [BrowserFact]
    public async Task Every_page_for_everyone_fits_a_phone_at_375_and_320_px_without_scrolling_sideways()
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        foreach (var group in site.Pages.GroupBy(p => p.Who))
        {
            await using var context = await SitePages.NewContextAsync(browser, site);
            var page = await site.VisitAsAsync(context, group.Key);
            foreach (var visit in group)
            {
                await SitePages.OpenAsync(page, visit.Path);
                foreach (var width in new[] { 375, 320 })
                {
                    await SitePages.ViewAsync(page, "light", width);
                    if (await page.EvaluateAsync<string?>(SitePages.Overflow) is { } overflow)
                        failures.Add($"{visit.Who} · {visit.Name} ({visit.Path}) at {width} px: {overflow}");
                }
            }
        }
        output.WriteLine($"{site.Pages.Count} pages at 375 and 320 px in {clock.Elapsed.TotalSeconds:F0} s.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [BrowserFact]
    public async Task After_posting_a_comment_or_a_reply_the_focus_is_on_it()
    {
        await using var context = await SitePages.NewContextAsync(browser, site);
        var page = await site.VisitAsAsync(context, "member");
        await page.GotoAsync(site.Pages.Single(p => p is { Who: "member", Name: "dispute (long words)" }).Path);
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.Locator("#new-comment").FillAsync("A comment whose **posting** moves the focus.");
        var post = page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).First;
        await Assertions.Expect(post).ToBeEnabledAsync();
        await post.FocusAsync();
        await page.Keyboard.PressAsync("Enter"); // from the keyboard
        var focused = page.Locator("article:focus");
        await Assertions.Expect(focused).ToContainTextAsync("A comment whose posting moves the focus.");

        await focused.Locator("xpath=ancestor::div[contains(@class,'cf-thread')]")
            .GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await page.Locator("[id^=reply-]").FillAsync("And a reply takes it too.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(page.Locator("article:focus")).ToContainTextAsync("And a reply takes it too.");
    }

    private static string Short(string? text) =>
        text is null ? "" : text.Length <= 240 ? text.ReplaceLineEndings(" ") : text[..240].ReplaceLineEndings(" ") + "…";
}
