using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// A moderator hides a comment through the confirmation (Cancel first, Escape does nothing); a reader opens permalinks: to a
/// reply past the first page of the discussion, which they land on, and to the hidden comment, which shows its notice.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CommentPermalinkJourneyTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string Doxx = "Her number is 07700 900123, ring her.";
    private readonly ForumAppFactory app = new(kestrel: true);

    private Scenario Given => new(app);

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [BrowserFact]
    public async Task A_moderator_hides_a_comment_after_confirming_and_a_reader_lands_on_permalinked_comments()
    {
        var claimant = await Given.MemberAsync("Nina Claimant", "nina@example.test");
        var respondent = await Given.MemberAsync("Otto Respondent", "otto@example.test");
        var flagger = await Given.MemberAsync("Fay Flagger", "fay@example.test");
        await Given.WithRoleAsync(await Given.MemberAsync("Mae Moderator", "mae@example.test"),
            ConflictForum.Features.Accounts.ForumRoles.Moderator);
        var disputeId = (await Given.DisputeBetweenAsync(claimant, respondent, Scenario.Dispute("Hedge cut back to the trunk",
            "The neighbour cut my hedge back to bare wood.", "Otto", "It was over the line."))).DisputeId;
        var doxx = await Given.CommentAsync(respondent, disputeId, Doxx);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(flagger, ContentKind.Comment, doxx, FlagReason.PersonalInformation, null))).Succeeded);
        var last = 0;
        for (var i = 1; i <= DeliberationQueries.ThreadsPerPage; i++)
            last = await Given.CommentAsync(claimant, disputeId, $"Thought number {i}.");
        var reply = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(respondent, disputeId, "The reply worth sharing.", last))).Value;

        await using var moderatorContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var mod = await BrowserJourney.SignedInPageAsync(moderatorContext, "mae@example.test");
        await mod.GotoAsync("/moderation");
        await BrowserFixture.WaitForCircuitAsync(mod);
        var item = mod.GetByTestId("queue-item").Filter(new() { HasText = Doxx });
        await item.GetByLabel("Reason (public)").FillAsync("A phone number");
        var hide = item.GetByRole(AriaRole.Button, new() { Name = "Hide", Exact = true });
        await hide.ClickAsync();
        var dialog = mod.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Readers will see a notice instead of it");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await mod.Keyboard.PressAsync("Escape"); // nothing done
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(item.GetByTestId("queue-status")).ToHaveTextAsync("Visible");
        await hide.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hide", Exact = true }).ClickAsync();
        await Expect(mod.GetByTestId("queue-empty")).ToBeVisibleAsync();

        // The reader follows a permalink by its fragment alone to a reply in the thread past the first page.
        await using var readerContext = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync($"/disputes/{disputeId}#comment-{reply}");
        var linked = reader.Locator($"#comment-{reply}");
        await Expect(linked).ToContainTextAsync("The reply worth sharing.");
        await Expect(linked).ToBeInViewportAsync();
        Assert.Equal($"comment-{reply}", await reader.EvaluateAsync<string?>("() => document.querySelector(':target')?.id"));
        await reader.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "comment-permalink.png") });

        // Its "Link" is the permalink itself; the hidden comment's shows the notice in its place, never the words.
        await Expect(linked.GetByTestId("permalink")).ToHaveAttributeAsync("href", $"disputes/{disputeId}?comment={reply}#comment-{reply}");
        await reader.GotoAsync($"/disputes/{disputeId}?comment={doxx}#comment-{doxx}");
        var hidden = reader.Locator($"#comment-{doxx}");
        await Expect(hidden.GetByTestId("hidden-notice")).ToContainTextAsync("Hidden by a moderator: A phone number");
        await Expect(reader.GetByTestId("comments")).Not.ToContainTextAsync("07700 900123");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
