using System.Globalization;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// A reader in New York reads every time in New York's time, with the UTC time on hover: on the static page (and the
/// sections its live stream swaps in) as a reader, and on the interactive page (and what it renders again) as a member.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class LocalTimeJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string NewYork = "America/New_York";
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(NewYork);
    private readonly ForumAppFactory app = new(kestrel: true);

    private Scenario Given => new(app);

    [BrowserFact]
    public async Task A_reader_s_static_page_shows_times_in_their_zone_also_in_sections_the_stream_swaps_in()
    {
        var (disputeId, commenter) = await OpenDisputeAsync();
        await using var context = await NewYorkContextAsync();
        var reader = await context.NewPageAsync();

        await reader.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForLiveAsync(reader);
        await ExpectLocalAsync(reader.GetByTestId("statement-claimant").Locator("time:not([data-countdown])").First);

        await Given.CommentAsync(commenter, disputeId, "Still out there this morning.");
        await Expect(reader.GetByTestId("comments")).ToContainTextAsync("Still out there this morning.");
        await ExpectLocalAsync(reader.GetByTestId("comments").Locator("time").Last);
    }

    [BrowserFact]
    public async Task A_member_s_interactive_page_is_drawn_in_their_zone_also_after_it_draws_again()
    {
        var (disputeId, commenter) = await OpenDisputeAsync();
        await using var context = await NewYorkContextAsync();
        var member = await BrowserJourney.SignedInPageAsync(context, "carla@example.test");

        await member.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForCircuitAsync(member);
        var posted = member.GetByTestId("statement-claimant").Locator("time:not([data-countdown])").First;
        await ExpectLocalAsync(posted);
        // Written by the server in the circuit's zone: nothing for a script to rewrite in what Blazor owns.
        Assert.Null(await posted.GetAttributeAsync(LocalTime.InBrowser));

        await Given.CommentAsync(commenter, disputeId, "Still out there this morning.");
        await Expect(member.GetByTestId("comments")).ToContainTextAsync("Still out there this morning.");
        var commented = member.GetByTestId("comments").Locator("time").Last;
        await ExpectLocalAsync(commented);
        Assert.Null(await commented.GetAttributeAsync(LocalTime.InBrowser));
    }

    /// <summary>The time reads in New York's zone (as the server would write it there) and its hover text in UTC.</summary>
    private static async Task ExpectLocalAsync(ILocator time)
    {
        var at = DateTime.Parse((await time.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var local = TimeText.Exact(at, Zone);
        Assert.Matches("GMT-[45]$", local);
        await Expect(time).ToHaveTextAsync(local);
        await Expect(time).ToHaveAttributeAsync("title", TimeText.Exact(at));
    }

    private Task<IBrowserContext> NewYorkContextAsync() =>
        browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString(), TimezoneId = NewYork });

    private async Task<(int DisputeId, ForumActor Commenter)> OpenDisputeAsync()
    {
        var claimant = await Given.MemberAsync("Carla Claimant", "carla@example.test");
        var respondent = await Given.MemberAsync("Rob Respondent", "rob@example.test");
        var disputeId = (await Given.DisputeBetweenAsync(claimant, respondent, Scenario.Dispute("Bins left out on the pavement",
            "The bins stay out all week.", "Rob", "The bins block the pavement."))).DisputeId;
        return (disputeId, respondent);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
