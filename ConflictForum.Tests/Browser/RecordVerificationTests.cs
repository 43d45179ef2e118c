using ConflictForum.Data;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class RecordVerificationTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly ForumAppFactory app = new(kestrel: true);

    [BrowserFact]
    public async Task Verify_record_on_the_page_names_the_first_missing_entry_after_the_newest_were_deleted_and_links_the_daily_digest()
    {
        var given = new Scenario(app);
        var claimant = await given.MemberAsync("Dana Whitfield", "dana@example.test");
        await given.MemberAsync("Reader", "reader@example.test");
        var disputeId = (await given.OpenAsync(claimant,
            Scenario.Dispute("Washing machine failed after three weeks", "It stopped spinning.", "Northwind", "It broke."))).DisputeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ForumDbContext>().TimelineEntries
                .Where(e => e.DisputeId == disputeId && e.Sequence == 3).ExecuteDeleteAsync(); // behind the forum's back
        }

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var reader = await BrowserJourney.SignedInPageAsync(context, "reader@example.test");
        await reader.GotoAsync($"/disputes/{disputeId}");
        await BrowserFixture.WaitForCircuitAsync(reader);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Verify record" }).ClickAsync();

        await Expect(reader.GetByTestId("verdict"))
            .ToHaveTextAsync("The record is broken: entry 3 is missing: the record ends at entry 2 but the dispute records 3 entries.");
        var digest = await reader.GetByTestId("digest-link").GetAttributeAsync("href");
        Assert.Matches("^/record/digest/[0-9]{4}-[0-9]{2}-[0-9]{2}$", digest);
        var response = await reader.APIRequest.GetAsync(digest!);
        Assert.Equal(200, response.Status);
        Assert.Contains("\"hash\":", await response.TextAsync(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
