using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConflictForum.Features.Deliberation;
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
    private static readonly AxeRunOptions Everything = new() { ResultTypes = [ResultType.Violations] };

    // The theme is a class on <html> that changes colours and nothing else (ForumTheme, App.razor): in the dark, the rules
    // about colour run again; every other rule has already run on the same page at the same width.
    private static readonly AxeRunOptions Colours = new()
    {
        ResultTypes = [ResultType.Violations],
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] },
    };

    private static readonly (string Theme, int Width, AxeRunOptions Rules)[] Views =
        [("light", 1440, Everything), ("light", 375, Everything), ("dark", 375, Colours), ("dark", 1440, Colours)];

    [BrowserFact]
    public async Task Every_page_for_everyone_in_both_themes_at_both_widths_has_no_serious_or_critical_axe_violation()
    {
        var clock = Stopwatch.StartNew();
        var (axeTime, openTime, viewTime) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        var columns = Views.Select(v => $"{v.Theme} {v.Width}{(v.Rules == Colours ? "*" : "")}");
        var table = new StringBuilder("| who | page | " + string.Join(" | ", columns) + " |\n");
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
                foreach (var (theme, width, rules) in Views)
                {
                    viewTime.Start();
                    await SitePages.ViewAsync(page, theme, width);
                    viewTime.Stop();
                    axeTime.Start();
                    var found = (await page.RunAxe(rules)).Violations;
                    axeTime.Stop();
                    var serious = found.Where(v => v.Impact is "serious" or "critical").ToList();
                    var lesser = found.Length - serious.Count;
                    table.Append(CultureInfo.InvariantCulture, $" {serious.Count}{(lesser > 0 ? $" ({lesser} lesser)" : "")} |");
                    failures.AddRange(serious.SelectMany(v => v.Nodes.Take(3).Select(n =>
                        $"{visit.Who} · {visit.Name} ({visit.Path}) · {theme} {width}: {v.Id} ({v.Impact}) at {n.Target}: " +
                        $"{Short(n.Html)} {Short(Why(n))}")));
                }
                table.Append('\n');
            }
        }
        table.Append(CultureInfo.InvariantCulture, $"\n{site.Pages.Count} pages × {Views.Length} views in {Seconds(clock)} ");
        table.Append(CultureInfo.InvariantCulture, $"(axe {Seconds(axeTime)}, opening pages {Seconds(openTime)}, ");
        table.Append(CultureInfo.InvariantCulture, $"themes and widths {Seconds(viewTime)}).\n");
        table.Append("Counts are of serious and critical violations, then of lesser ones. * The rules about colour.\n");
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

    [BrowserFact]
    public async Task A_new_comment_is_announced_politely_on_a_readers_live_page_and_a_members_page()
    {
        var path = site.Pages.Single(p => p is { Who: "reader", Name: "dispute (long words)" }).Path;
        var disputeId = int.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        await using var readerContext = await SitePages.NewContextAsync(browser, site);
        var reader = await site.VisitAsAsync(readerContext, "reader");
        await reader.GotoAsync(path);
        await BrowserFixture.WaitForLiveAsync(reader);
        await using var memberContext = await SitePages.NewContextAsync(browser, site);
        var member = await site.VisitAsAsync(memberContext, "member");
        await member.GotoAsync(path);
        await BrowserFixture.WaitForCircuitAsync(member);

        var given = new Scenario(site.App);
        await given.CommentAsync(await given.MemberAsync("Anouk Announcer"), disputeId, "Heard, and said.");
        await Assertions.Expect(reader.Locator("[data-live-announce]")).ToHaveTextAsync(new Regex(@"^Updated: .*Discussion \d+"));
        await Assertions.Expect(member.GetByTestId("comments").GetByRole(AriaRole.Status))
            .ToHaveTextAsync(new Regex(@"^A new comment: \d+ in the discussion\.$"));
    }

    [BrowserFact]
    public async Task Others_votes_are_announced_politely_on_a_members_page()
    {
        var path = site.Pages.Single(p => p is { Who: "member", Name: "dispute (long words)" }).Path;
        var disputeId = int.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        await using var memberContext = await SitePages.NewContextAsync(browser, site);
        var member = await site.VisitAsAsync(memberContext, "member");
        await member.GotoAsync(path);
        await BrowserFixture.WaitForCircuitAsync(member);

        var given = new Scenario(site.App);
        await given.VoteAsync(await given.MemberAsync("Vera Voter"), disputeId, FaultOption.Both);
        await Assertions.Expect(member.GetByTestId("fault-vote").GetByRole(AriaRole.Status))
            .ToHaveTextAsync(new Regex(@"^\d+ votes? cast now\.$"));
    }

    [BrowserFact]
    public async Task The_theme_follows_the_systems_until_the_reader_picks_one()
    {
        await using var context = await browser.Browser.NewContextAsync(
            new() { BaseURL = site.App.RootUri.ToString(), ColorScheme = ColorScheme.Dark });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/disputes");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex("cf-dark"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(new Regex("cf-dark"));
        await page.ReloadAsync(); // the choice is remembered over the system's
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(new Regex("cf-dark"));
    }

    private static string Seconds(Stopwatch watch) => $"{watch.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s";

    private static string Why(AxeResultNode node) =>
        string.Join("; ", (node.Any ?? []).Concat(node.None ?? []).Concat(node.All ?? []).Select(check => check.Message));

    private static string Short(string? text) =>
        text is null ? "" : text.Length <= 240 ? text.ReplaceLineEndings(" ") : text[..240].ReplaceLineEndings(" ") + "…";
}
