using ConflictForum.Features;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.TrackRecords;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.TrackRecords;

/// <summary>
/// The crisis-process report: an organisation's steps on each dispute against it, read off the timeline, their gaps judged
/// against its own median, for its owners and agents only.
/// </summary>
public sealed class CrisisReportQueriesTests : ClockedForumAppTest
{
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Each_step_of_the_organisation_is_timed_from_the_one_before_it_through_a_whole_dispute()
    {
        var (_, owner, agent) = await BoltAsync();
        var customer = await Given.MemberAsync("Cara Customer");
        var opened = await Given.OpenAsync(customer, Scenario.Dispute(respondentName: "Bolt Couriers Ltd"));
        var openedAt = Now;

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.JoinForOrganisationAsync(agent, opened.DisputeId))).Succeeded);
        Clock.Advance(TimeSpan.FromHours(3));
        await Given.EditStatementAsync(agent, opened.DisputeId, "We delivered on the day promised.");
        await Given.EditStatementAsync(customer, opened.DisputeId, "It came a week late."); // the customer's steps are not its
        Clock.Advance(TimeSpan.FromHours(4.5));
        var offer = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(agent, opened.DisputeId,
            new OfferInput { Terms = "A full refund of the delivery fee.", CarryOutBy = Now.Date.AddDays(2), ExpiresAt = Now.AddDays(3) }));
        Assert.True(offer.Succeeded, offer.Message);
        var running = await ReportAsync(owner);
        var waiting = Assert.Single(running.Rows).Step(CrisisStepKind.Settled);
        Assert.True(waiting.Waiting);
        Assert.Equal(TimeSpan.Zero, waiting.WaitedSoFar);

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await WithAsync<OfferService, Outcome>(s => s.AcceptOfferAsync(customer, offer.Value))).Succeeded);
        var settledAt = Now;
        Clock.Advance(Now.Date.AddDays(2) - Now + TimeSpan.FromHours(10)); // the due date, then ten hours
        var reported = await WithAsync<SettlementReportService, Outcome<int>>(s => s.ReportAsync(owner, opened.DisputeId,
            new ReportInput { Verdict = ReportVerdict.Honoured, Note = "Refunded." }));
        Assert.True(reported.Succeeded, reported.Message);

        var report = await ReportAsync(agent);
        var row = Assert.Single(report.Rows);
        Assert.Equal((opened.DisputeId, DisputeStatus.Settled), (row.DisputeId, row.Status));
        Assert.Equal(openedAt, row.Step(CrisisStepKind.Opened).At);
        Assert.Equal(settledAt, row.Step(CrisisStepKind.Settled).At);
        Assert.Equal(new double?[] { null, 2, 3, 4.5, 1, (Now - settledAt).TotalHours }, row.Steps.Select(s => s.Gap?.TotalHours));
        Assert.All(row.Steps, s => Assert.True(s.IsReached && !s.Waiting && !s.IsSlow));
        // One dispute: each median is its gap, too few to call anything slow.
        Assert.Equal(TimeSpan.FromHours(3), report.MedianOf(CrisisStepKind.Answered).Median);
        Assert.All(report.Medians, m => Assert.False(m.Judged));
        Assert.False(report.Capped);
    }

    [Fact]
    public async Task A_gap_above_one_and_a_half_times_the_organisation_s_median_is_slow_once_three_disputes_reached_the_step()
    {
        var (_, owner, agent) = await BoltAsync();
        var ids = new List<int>();
        foreach (var hours in new[] { 1, 1, 1, 5 })
        {
            ids.Add(await OpenAndJoinAfterAsync(await Given.MemberAsync($"Customer {ids.Count + 1}"), agent, TimeSpan.FromHours(hours)));
            // With two disputes, the median (and so "slow") is not judged yet.
            if (ids.Count == 2) Assert.All((await ReportAsync(owner)).Rows, r => Assert.False(r.Step(CrisisStepKind.Joined).IsSlow));
        }

        var report = await ReportAsync(owner);
        var joined = report.MedianOf(CrisisStepKind.Joined);
        Assert.Equal((TimeSpan.FromHours(1), 4, true), (joined.Median!.Value, joined.Disputes, joined.Judged));
        Assert.Equal(TimeSpan.FromHours(1.5), joined.SlowAbove);
        Assert.Equal(ids.AsEnumerable().Reverse(), report.Rows.Select(r => r.DisputeId)); // newest first
        Assert.Equal([true, false, false, false], report.Rows.Select(r => r.Step(CrisisStepKind.Joined).IsSlow));

        // A dispute nobody joined yet waits for it, and is slow once its wait passes the same mark.
        var unanswered = await Given.OpenAsync(await Given.MemberAsync("Customer 5"),
            Scenario.Dispute(respondentName: "Bolt Couriers Ltd"));
        Clock.Advance(TimeSpan.FromHours(1));
        var early = (await ReportAsync(agent)).Rows[0];
        Assert.Equal(unanswered.DisputeId, early.DisputeId);
        var awaited = early.Step(CrisisStepKind.Joined);
        Assert.Equal((false, true, TimeSpan.FromHours(1), false),
            (awaited.IsReached, awaited.Waiting, awaited.WaitedSoFar, awaited.IsSlow));
        Assert.True(early.Step(CrisisStepKind.Answered).Waiting);
        Assert.Null(early.Step(CrisisStepKind.Answered).WaitedSoFar); // the wait is counted once, on the step awaited first
        Assert.False(early.Step(CrisisStepKind.Reported).Waiting); // nothing to report before a settlement
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await ReportAsync(agent)).Rows[0].Step(CrisisStepKind.Joined).IsSlow);
    }

    [Fact]
    public async Task Only_the_organisation_s_owners_and_agents_read_it_not_another_member_an_admin_or_a_reader_signed_out()
    {
        var (_, owner, agent) = await BoltAsync();
        var stranger = await Given.MemberAsync("Sam Stranger");
        var admin = await Given.WithRoleAsync(await Given.MemberAsync("Ann Admin"), ForumRoles.Admin);

        Assert.True((await GetAsync(owner)).Succeeded);
        Assert.True((await GetAsync(agent)).Succeeded);
        AssertRefusal.Is(TrackRecordRefusals.OnlyItsMembers, await GetAsync(stranger));
        AssertRefusal.Is(TrackRecordRefusals.OnlyItsMembers, await GetAsync(admin));
        AssertRefusal.Is(ForumGuardian.SignInFirst, await GetAsync(ForumActor.Anonymous));
        Assert.Equal(OutcomeKind.NotFound, (await GetAsync(owner, "no-such-company")).Kind);
    }

    [Fact]
    public async Task A_dispute_a_moderator_hid_is_counted_but_its_title_stays_hidden_from_the_organisation()
    {
        var (_, owner, agent) = await BoltAsync();
        var customer = await Given.MemberAsync("Cara Customer");
        var shown = await OpenAndJoinAfterAsync(customer, agent, TimeSpan.FromHours(1));
        var hidden = await OpenAndJoinAfterAsync(customer, agent, TimeSpan.FromHours(1));
        var moderator = await Given.ModeratorAsync();
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Dispute, hidden, "Names a private person"))).Succeeded);

        var rows = (await ReportAsync(owner)).Rows;
        Assert.Equal(DisputeQueries.HiddenTitle, Assert.Single(rows, r => r.DisputeId == hidden).Title);
        Assert.Equal((await Given.StoredAsync(shown)).Title, Assert.Single(rows, r => r.DisputeId == shown).Title);
    }

    private Task<Outcome<CrisisReport>> GetAsync(ForumActor reader, string slug = "bolt-couriers") =>
        WithAsync<CrisisReportQueries, Outcome<CrisisReport>>(q => q.GetAsync(slug, reader));

    private async Task<CrisisReport> ReportAsync(ForumActor reader)
    {
        var report = await GetAsync(reader);
        Assert.True(report.Succeeded, report.Message);
        return report.Value!;
    }

    /// <summary>A new dispute against Bolt, joined by <paramref name="agent"/> <paramref name="after"/> it opened; then an hour.</summary>
    private async Task<int> OpenAndJoinAfterAsync(ForumActor customer, ForumActor agent, TimeSpan after)
    {
        var opened = await Given.OpenAsync(customer, Scenario.Dispute(respondentName: "Bolt Couriers Ltd"));
        Clock.Advance(after);
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.JoinForOrganisationAsync(agent, opened.DisputeId))).Succeeded);
        Clock.Advance(TimeSpan.FromHours(1));
        return opened.DisputeId;
    }

    /// <summary>Verified Bolt Couriers Ltd, with Olga as its owner and Alex as its agent, both as the services now read them.</summary>
    private async Task<(int Id, ForumActor Owner, ForumActor Agent)> BoltAsync()
    {
        var owner = await Given.MemberAsync("Olga Owner");
        var agent = await Given.MemberAsync("Alex Agent");
        var id = await Given.BoltAsync(owner, agent);
        return (id, await Given.ReadAsync(owner), await Given.ReadAsync(agent));
    }
}
