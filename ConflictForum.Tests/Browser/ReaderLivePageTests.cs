using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>A reader who is not signed in: a static dispute page that a server-sent-events stream keeps live, no circuit.</summary>
[Collection(BrowserTests.Name)]
public sealed class ReaderLivePageTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly ForumAppFactory app = new(kestrel: true);

    private Scenario Given => new(app);

    [BrowserFact]
    public async Task A_reader_s_dispute_page_opens_no_WebSocket_and_no_request_to_blazor()
    {
        var disputeId = await OpenDisputeAsync("Nia", "Oli");
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await context.NewPageAsync();
        var sockets = new List<string>();
        var blazor = new List<string>();
        reader.WebSocket += (_, socket) => sockets.Add(socket.Url);
        reader.Request += (_, request) => { if (request.Url.Contains("/_blazor", StringComparison.Ordinal)) blazor.Add(request.Url); };

        await reader.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForLiveAsync(reader);
        await Expect(reader.GetByTestId("statement-claimant")).ToContainTextAsync("The bins block the pavement.");
        // Follow the links a reader uses: they are answered by the server, still without a circuit.
        await reader.GetByRole(AriaRole.Link, new() { Name = "Verify record" }).ClickAsync();
        await Expect(reader.GetByTestId("verdict")).ToContainTextAsync("The record is intact");
        await reader.WaitForTimeoutAsync(1_000); // time for a circuit to start, if anything asked for one

        Assert.Empty(sockets);
        Assert.Empty(blazor);
        await Expect(reader.GetByTestId("live-notice")).Not.ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Live_regions_update_on_a_reader_s_open_page_when_a_member_votes_and_comments_in_another_browser()
    {
        var disputeId = await OpenDisputeAsync("Carla", "Rob");
        await Given.MemberAsync("Bea Voter", "bea@example.test");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A record long enough to read down the page while the discussion above it grows.
            var claimant = await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync((await scope.ServiceProvider
                .GetRequiredService<UserManager<ForumUser>>().FindByEmailAsync("carla@example.test"))!.Id);
            for (var i = 1; i <= 10; i++)
                Assert.True((await scope.ServiceProvider.GetRequiredService<DisputeService>()
                    .PostReplyAsync(claimant, disputeId, $"Clarification number {i}.")).Succeeded);
        }

        await using var readerContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForLiveAsync(reader);
        await Expect(reader.GetByTestId("blind-tally")).ToContainTextAsync("0 votes cast so far");
        // The reader is down the page, reading the record, when the discussion above it grows: the place and the focus stay.
        await reader.Locator("#record a").First.FocusAsync();
        var recordTop = await reader.EvaluateAsync<double>("() => { document.querySelector('#record').scrollIntoView({ block: 'start' }); "
            + "return document.querySelector('#record').getBoundingClientRect().top; }");
        var marker = await reader.EvaluateAsync<string>("() => { window.__notReloaded = 'yes'; return window.__notReloaded; }");
        Assert.Equal("yes", marker);

        await using var memberContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var member = await BrowserJourney.SignedInPageAsync(memberContext, "bea@example.test");
        await member.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForCircuitAsync(member);
        await member.GetByTestId("vote-RespondentAtFault").ClickAsync();
        await Expect(member.GetByTestId("tally")).ToContainTextAsync("1 · Respondent at fault");
        // Long enough to make the discussion's column the taller one, so the record below it moves down.
        await member.Locator("#new-comment").FillAsync("Bins on **the pavement** block prams."
            + string.Concat(Enumerable.Range(1, 12).Select(i => $"\n\nAnd point {i}.")));
        await member.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();

        // Blind for the reader: the count moves, never how members voted.
        await Expect(reader.GetByTestId("blind-tally")).ToContainTextAsync("1 vote cast so far");
        await Expect(reader.GetByTestId("tally")).ToHaveCountAsync(0);
        await Expect(reader.GetByTestId("comments").Locator(".cf-markdown strong")).ToHaveTextAsync("the pavement");
        await Expect(reader.GetByText("Discussion (1)")).ToBeVisibleAsync();
        Assert.Equal("yes", await reader.EvaluateAsync<string>("() => window.__notReloaded")); // swapped in place, no reload
        Assert.True(await reader.EvaluateAsync<bool>("() => document.activeElement?.closest('#record') !== null"));
        Assert.InRange(await reader.EvaluateAsync<double>("() => document.querySelector('#record').getBoundingClientRect().top"),
            recordTop - 2, recordTop + 2);
        await Expect(reader.GetByTestId("live-notice")).Not.ToBeVisibleAsync();
        await reader.ScreenshotAsync(
            new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "reader-live-page.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task A_moderator_s_hide_removes_the_text_from_a_reader_s_open_page()
    {
        const string phone = "Ring 07700 900123 to complain";
        var disputeId = await OpenDisputeAsync("Hal", "Ida");
        var moderator = await Given.WithRoleAsync(await Given.MemberAsync("Mo Derator", "mo@example.test"), ForumRoles.Moderator);
        var commentId = await Given.CommentAsync(await Given.MemberAsync("Loud Mouth", "loud@example.test"), disputeId, phone);

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await context.NewPageAsync();
        await reader.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForLiveAsync(reader);
        await Expect(reader.GetByTestId("comments")).ToContainTextAsync(phone);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mod = await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync(moderator.UserId);
            Assert.True((await scope.ServiceProvider.GetRequiredService<ModerationService>()
                .HideAsync(mod, ContentKind.Comment, commentId, "A phone number")).Succeeded);
        }

        await Expect(reader.GetByTestId("hidden-notice")).ToContainTextAsync("A phone number", new() { Timeout = 3_000 });
        await Expect(reader.Locator("body")).Not.ToContainTextAsync("07700 900123");

        // The whole dispute hidden: its title leaves the page and the window's title.
        await Expect(reader).ToHaveTitleAsync("Bins left out on the pavement · ConflictForum");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mod = await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync(moderator.UserId);
            Assert.True((await scope.ServiceProvider.GetRequiredService<ModerationService>()
                .HideAsync(mod, ContentKind.Dispute, disputeId, "Names a private person")).Succeeded);
        }
        await Expect(reader.Locator("h1")).ToHaveTextAsync("Hidden dispute", new() { Timeout = 3_000 });
        await Expect(reader).ToHaveTitleAsync("Hidden dispute · ConflictForum");
        await Expect(reader.Locator("body")).Not.ToContainTextAsync("Bins left out");
    }

    [BrowserFact]
    public async Task A_page_whose_stream_is_refused_says_it_is_not_live_and_offers_a_reload()
    {
        await using var capped = new ForumAppFactory(kestrel: true,
            settings: new Dictionary<string, string?> { ["Live:MaxStreamsPerAddress"] = "1" });
        var given = new Scenario(capped);
        var claimant = await given.MemberAsync("Pat Claimant", "pat@example.test");
        var disputeId = (await given.OpenAsync(claimant,
            Scenario.Dispute("A ladder borrowed and never returned", "Lent in May.", "Quin", "It was my ladder."))).DisputeId;
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = capped.RootUri.ToString() });
        var first = await context.NewPageAsync();
        await first.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForLiveAsync(first);

        var second = await context.NewPageAsync(); // the same address: one stream too many
        await second.GotoAsync($"/disputes/{disputeId}");

        // live.js gave up at the 429
        await Expect(second.Locator("[data-live-src][data-live=off]")).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        var notice = second.GetByTestId("live-notice");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("This page is not live any more.");
        await Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Reload" })).ToBeVisibleAsync();
        await Expect(first.GetByTestId("live-notice")).Not.ToBeVisibleAsync();
    }

    private async Task<int> OpenDisputeAsync(string claimantName, string respondentName)
    {
        var claimant = await Given.MemberAsync($"{claimantName} Claimant", $"{claimantName.ToLowerInvariant()}@example.test");
        var respondent = await Given.MemberAsync($"{respondentName} Respondent", $"{respondentName.ToLowerInvariant()}@example.test");
        return (await Given.DisputeBetweenAsync(claimant, respondent,
            Scenario.Dispute("Bins left out on the pavement", "The bins stay out all week.",
                respondentName, "The bins block the pavement."))).DisputeId;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
