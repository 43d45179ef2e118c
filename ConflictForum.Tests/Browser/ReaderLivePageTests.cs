using ConflictForum.Features.Accounts;
using ConflictForum.Features.Deliberation;
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
        await BrowserJourney.CreateMemberAsync(app, "Bea Voter", "bea@example.test");

        await using var readerContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForLiveAsync(reader);
        await Expect(reader.GetByTestId("blind-tally")).ToContainTextAsync("0 votes cast so far");
        // The reader is somewhere down the page when it changes: the place and the focus stay.
        await reader.Locator("#record a").First.FocusAsync();
        var marker = await reader.EvaluateAsync<string>("() => { window.__notReloaded = 'yes'; return window.__notReloaded; }");
        Assert.Equal("yes", marker);

        await using var memberContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var member = await BrowserJourney.SignedInPageAsync(memberContext, "bea@example.test");
        await member.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForCircuitAsync(member);
        await member.GetByTestId("vote-RespondentAtFault").ClickAsync();
        await Expect(member.GetByTestId("tally")).ToContainTextAsync("1 · Respondent at fault");
        await member.Locator("#new-comment").FillAsync("Bins on **the pavement** block prams.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();

        // Blind for the reader: the count moves, never how members voted.
        await Expect(reader.GetByTestId("blind-tally")).ToContainTextAsync("1 vote cast so far");
        await Expect(reader.GetByTestId("tally")).ToHaveCountAsync(0);
        await Expect(reader.GetByTestId("comments").Locator(".cf-markdown strong")).ToHaveTextAsync("the pavement");
        await Expect(reader.GetByText("Discussion (1)")).ToBeVisibleAsync();
        Assert.Equal("yes", await reader.EvaluateAsync<string>("() => window.__notReloaded")); // swapped in place, no reload
        Assert.True(await reader.EvaluateAsync<bool>("() => document.activeElement?.closest('#record') !== null"));
        await Expect(reader.GetByTestId("live-notice")).Not.ToBeVisibleAsync();
        await reader.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "reader-live-page.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task A_moderator_s_hide_removes_the_text_from_a_reader_s_open_page()
    {
        const string phone = "Ring 07700 900123 to complain";
        var disputeId = await OpenDisputeAsync("Hal", "Ida");
        var moderator = await BrowserJourney.CreateMemberAsync(app, "Mo Derator", "mo@example.test");
        int commentId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(moderator.UserId!))!, ForumRoles.Moderator)).Succeeded);
            var author = await BrowserJourney.CreateMemberAsync(app, "Loud Mouth", "loud@example.test");
            commentId = (await scope.ServiceProvider.GetRequiredService<DeliberationService>().PostCommentAsync(author, disputeId, phone)).Value;
        }

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await context.NewPageAsync();
        await reader.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForLiveAsync(reader);
        await Expect(reader.GetByTestId("comments")).ToContainTextAsync(phone);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mod = await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync(moderator.UserId);
            Assert.True((await scope.ServiceProvider.GetRequiredService<ModerationService>().HideAsync(mod, ContentKind.Comment, commentId, "A phone number")).Succeeded);
        }

        await Expect(reader.GetByTestId("hidden-notice")).ToContainTextAsync("A phone number", new() { Timeout = 3_000 });
        await Expect(reader.Locator("body")).Not.ToContainTextAsync("07700 900123");
    }

    private async Task<int> OpenDisputeAsync(string claimantName, string respondentName)
    {
        var claimant = await BrowserJourney.CreateMemberAsync(app, $"{claimantName} Claimant", $"{claimantName.ToLowerInvariant()}@example.test");
        var respondent = await BrowserJourney.CreateMemberAsync(app, $"{respondentName} Respondent", $"{respondentName.ToLowerInvariant()}@example.test");
        await using var scope = app.Services.CreateAsyncScope();
        var disputes = scope.ServiceProvider.GetRequiredService<DisputeService>();
        var opened = (await disputes.OpenDisputeAsync(claimant, new()
        {
            Title = "Bins left out on the pavement", Summary = "The bins stay out all week.", RespondentName = respondentName,
            Statement = "The bins block the pavement.",
        })).Value!;
        Assert.True((await disputes.AcceptInvitationAsync(respondent, opened.InvitationToken)).Succeeded);
        return opened.DisputeId;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
