using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.TrackRecords;
using ConflictForum.Platform;
using ConflictForum.Tests.Features.TrackRecords;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConflictForum.Tests.Browser;

/// <summary>
/// An organisation's owner opens its crisis-process report from its page: five disputes at different steps, the slow ones
/// marked; the page fits a phone (its table scrolls in its own box).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CrisisReportJourneyTests : IAsyncDisposable
{
    private readonly BrowserFixture browser;

    // From the real hour, so the sign-in cookie the browser keeps has not expired by the browser's own clock.
    private readonly FakeTimeProvider clock =
        new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour), TimeSpan.Zero));

    private readonly ForumAppFactory app;

    public CrisisReportJourneyTests(BrowserFixture browser) =>
        (this.browser, app) = (browser, new ForumAppFactory(kestrel: true, clock: clock));

    private int customers;

    private Scenario Given => new(app);

    [BrowserFact]
    public async Task The_owner_reads_the_report_from_the_organisation_s_page_with_its_slow_steps_marked()
    {
        var owner = await BrowserJourney.CreateMemberAsync(app, "Olga Owner", "olga@bolt.example");
        var agent = await BrowserJourney.CreateMemberAsync(app, "Alex Agent", "alex@bolt.example");
        await new Scenario(app).BoltAsync(owner, agent);
        (owner, agent) = (await ActorAsync(owner), await ActorAsync(agent));
        var (settled, offer, customer) = await DisputeAsync("Parcel left out in the rain", agent, join: 1, answer: 2, offerAfter: 4);
        Clock(2);
        Assert.True((await RunAsync<OfferService, Outcome>(s => s.AcceptOfferAsync(customer, offer!.Value))).Succeeded);
        await DisputeAsync("Refund promised, never paid", agent, join: 1, answer: 3, offerAfter: 2);
        await DisputeAsync("Wrong address on the label", agent, join: 1.5, answer: 2);
        await DisputeAsync("Courier was rude at the door", agent, join: 6, answer: 9);
        await Given.OpenAsync(await Given.MemberAsync("Customer 0"), Scenario.Dispute("Signed for but never came",
            respondentName: "Bolt Couriers Ltd"));
        Clock(30); // the settlement is due: its owner reports; the last dispute still waits for someone to join
        Assert.True((await RunAsync<SettlementReportService, Outcome<int>>(s => s.ReportAsync(owner, settled,
            new ReportInput { Verdict = ReportVerdict.Honoured, Note = "The fee was refunded." }))).Succeeded);

        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.RootUri.ToString() });
        var page = await BrowserJourney.SignedInPageAsync(context, "olga@bolt.example");
        await page.GotoAsync("/organisations/bolt-couriers");
        await page.GetByTestId("crisis-report-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Crisis-process report: Bolt Couriers Ltd");
        await Expect(page.GetByTestId("crisis-row")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("crisis-row").First).ToContainTextAsync("still waiting (30.0 h so far)");
        await Expect(page.GetByTestId("crisis-row").First.GetByTestId("crisis-slow")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("crisis-row").Nth(1).GetByTestId("crisis-slow")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("crisis-axis")).ToHaveCountAsync(5);
        await BrowserJourney.ShootAsync(page, "crisis-report");
    }

    /// <summary>A dispute against Bolt by a new customer, the agent's steps <paramref name="join"/>, ... hours apart.</summary>
    private async Task<(int Id, int? Offer, ForumActor Customer)> DisputeAsync(string title, ForumActor agent, double join,
        double answer, double? offerAfter = null)
    {
        var customer = await Given.MemberAsync($"Customer {++customers}");
        var opened = await Given.OpenAsync(customer, Scenario.Dispute(title, respondentName: "Bolt Couriers Ltd"));
        Clock(join);
        Assert.True((await RunAsync<DisputeService, Outcome>(s => s.JoinForOrganisationAsync(agent, opened.DisputeId))).Succeeded);
        Clock(answer);
        await Given.EditStatementAsync(agent, opened.DisputeId, "We are looking into it with the courier.");
        int? offer = null;
        if (offerAfter is { } hours)
        {
            Clock(hours);
            var now = clock.GetUtcNow().UtcDateTime;
            var made = await RunAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(agent, opened.DisputeId,
                new OfferInput
                {
                    Terms = "A full refund of the delivery fee.", CarryOutBy = now.Date.AddDays(1), ExpiresAt = now.AddDays(3),
                }));
            Assert.True(made.Succeeded, made.Message);
            offer = made.Value;
        }
        Clock(1);
        return (opened.DisputeId, offer, customer);
    }

    private void Clock(double hours) => clock.Advance(TimeSpan.FromHours(hours));

    private Task<ForumActor> ActorAsync(ForumActor member) => RunAsync<ForumActors, ForumActor>(a => a.ForUserAsync(member.UserId));

    private async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }


    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
