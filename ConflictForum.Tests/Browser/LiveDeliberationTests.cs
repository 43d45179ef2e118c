using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class LiveDeliberationTests(BrowserFixture browser) : IAsyncDisposable
{
    // One member posts a page and more of comments in the tests below.
    private readonly ForumAppFactory app = new(kestrel: true,
        settings: new Dictionary<string, string?> { ["AbuseLimits:Writes:CommentsPerMinute"] = "100" });

    private Scenario Given => new(app);

    [BrowserFact]
    public async Task A_vote_and_a_comment_in_one_browser_appear_on_the_other_party_s_open_page_without_reload()
    {
        var claimant = await Given.MemberAsync("Carla Claimant", "carla@example.test");
        var respondent = await Given.MemberAsync("Rob Respondent", "rob@example.test");
        await Given.MemberAsync("Bea Reader", "bea@example.test");
        var disputeId = (await Given.DisputeBetweenAsync(claimant, respondent, Scenario.Dispute("Hedge trimmings dumped on my lawn",
            "Every week the trimmings land on my side.", "Rob", "They land on my lawn."))).DisputeId;

        await using var contextA = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        await using var contextB = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var pageA = await BrowserJourney.SignedInPageAsync(contextA, "carla@example.test");
        await pageA.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForCircuitAsync(pageA);
        await Expect(pageA.GetByTestId("tally")).ToContainTextAsync("0 · Respondent at fault");

        var pageB = await BrowserJourney.SignedInPageAsync(contextB, "bea@example.test");
        await pageB.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForCircuitAsync(pageB);
        await Expect(pageB.GetByTestId("blind-tally")).ToContainTextAsync("0 votes cast so far. Vote to see how others voted");
        await pageB.GetByTestId("vote-RespondentAtFault").ClickAsync();
        await Expect(pageB.GetByTestId("tally")).ToContainTextAsync("1 · Respondent at fault"); // voted: no longer blind
        await pageB.Locator("#new-comment").FillAsync("Trimmings on **someone else's** lawn are theirs to clear.");
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();

        // A never reloads: the events reach its circuit and it re-renders the slices that changed.
        await Expect(pageA.GetByTestId("tally")).ToContainTextAsync("1 · Respondent at fault");
        await Expect(pageA.GetByTestId("comments").Locator(".cf-markdown strong")).ToHaveTextAsync("someone else's");
        await Expect(pageA.GetByText("Discussion (1)")).ToBeVisibleAsync();
        await pageA.ScreenshotAsync(
            new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "live-update-party-view.png"), FullPage = true });
    }


    [BrowserFact]
    public async Task A_reader_not_signed_in_sees_the_record_and_the_discussion_grow_on_their_open_page_and_can_still_verify_and_read_on()
    {
        var claimant = await Given.MemberAsync("Nia Claimant", "nia@example.test");
        var respondent = await Given.MemberAsync("Oli Respondent", "oli@example.test");
        var disputeId = (await Given.DisputeBetweenAsync(claimant, respondent, Scenario.Dispute("Bins left out on the pavement",
            "The bins stay out all week.", "Oli", "The bins block the pavement."))).DisputeId;
        for (var i = 1; i <= DeliberationQueries.ThreadsPerPage; i++) await Given.CommentAsync(claimant, disputeId, $"Comment number {i}.");

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await context.NewPageAsync();
        await reader.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForLiveAsync(reader);
        var entries = reader.GetByTestId("timeline-entry");
        await Expect(entries.Filter(new() { HasText = "Nia Claimant opened the dispute against Oli." })).ToHaveCountAsync(1);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var disputes = scope.ServiceProvider.GetRequiredService<DisputeService>();
            Assert.True((await disputes.PostReplyAsync(respondent, disputeId, "I take them in on **Tuesday** evenings.")).Succeeded);
            Assert.True((await disputes.SaveStatementAsync(respondent, disputeId, "The bins go out on _collection day_ only.")).Succeeded);
        }

        // The reader's page follows without a reload, and its links work without a circuit.
        await Expect(entries.Filter(new() { HasText = "Oli Respondent (respondent) replied." })).ToHaveCountAsync(1);
        await Expect(reader.Locator(".cf-timeline .cf-markdown strong")).ToHaveTextAsync("Tuesday");
        await Expect(reader.GetByTestId("statement-respondent").Locator(".cf-markdown em")).ToHaveTextAsync("collection day");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Verify record" }).ClickAsync();
        // Six entries of the dispute's own, and one per comment (the page shows those in the discussion).
        await Expect(reader.GetByTestId("verdict"))
            .ToHaveTextAsync($"The record is intact: all {8 + DeliberationQueries.ThreadsPerPage} entries match their hashes.");

        // A comment past the first page: the count and the offer of more follow live, and the reader can read on.
        var comments = reader.GetByTestId("comment");
        await Expect(comments).ToHaveCountAsync(DeliberationQueries.ThreadsPerPage);
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Show more comments" })).ToHaveCountAsync(0);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<DeliberationService>()
                .PostCommentAsync(respondent, disputeId, "The last word.")).Succeeded);
        await Expect(reader.GetByText($"Discussion ({DeliberationQueries.ThreadsPerPage + 1})")).ToBeVisibleAsync();
        await reader.GetByRole(AriaRole.Link, new() { Name = "Show more comments" }).ClickAsync();
        await Expect(comments).ToHaveCountAsync(DeliberationQueries.ThreadsPerPage + 1);
        await Expect(comments.Last).ToContainTextAsync("The last word.");
        await Expect(comments.First).ToContainTextAsync("Comment number 1.");

        await reader.GetByRole(AriaRole.Link, new() { Name = "View this version" }).First.ClickAsync();
        await Expect(reader).ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex($"/disputes/{disputeId}/statements/claimant#version-1$"));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
