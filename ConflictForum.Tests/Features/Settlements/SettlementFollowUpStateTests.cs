using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConflictForum.Tests.Features.Settlements;

/// <summary>
/// Whether a settlement was honoured, as the dispute's row carries it to its banner and its list chip: every state, from the
/// reports and the clock, and a missing report never counted as honoured.
/// </summary>
public sealed class SettlementFollowUpStateTests : ClockedForumAppTest
{
    private int pairs;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Not_due_then_awaiting_reports_then_one_then_honoured_once_both_say_so()
    {
        var (id, claimant, respondent) = await SettledAsync(carryOutInDays: 5);
        var due = Now.Date.AddDays(5);
        Assert.Equal(new SettlementFollowUpState(SettlementHonour.NotDue, due, due.AddDays(14)), await FollowUpAsync(id));

        Clock.Advance(due - Now);
        Assert.Equal(SettlementHonour.AwaitingReports, (await FollowUpAsync(id))!.Honour);
        Assert.True((await ReportAsync(respondent, id, ReportVerdict.Honoured)).Succeeded);
        var one = (await FollowUpAsync(id))!;
        Assert.Equal((SettlementHonour.AwaitingOneReport, PartyRole.Respondent), (one.Honour, one.ReportedBy));
        Assert.True((await ReportAsync(claimant, id, ReportVerdict.Honoured)).Succeeded);
        Assert.Equal(SettlementHonour.Honoured, (await FollowUpAsync(id))!.Honour);
        Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(SettlementHonour.Honoured, (await FollowUpAsync(id))!.Honour);
    }

    [Fact]
    public async Task Silence_through_the_window_reads_no_report_or_honoured_by_one_never_honoured()
    {
        var (silent, _, _) = await SettledAsync(carryOutInDays: 1);
        var (oneSided, _, respondent) = await SettledAsync(carryOutInDays: 1);
        Clock.Advance(Now.Date.AddDays(1) - Now); // the due date
        Assert.True((await ReportAsync(respondent, oneSided, ReportVerdict.Honoured)).Succeeded);
        Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Equal((SettlementHonour.AwaitingReports, SettlementHonour.AwaitingOneReport),
            ((await FollowUpAsync(silent))!.Honour, (await FollowUpAsync(oneSided))!.Honour));

        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((SettlementHonour.NoReport, SettlementHonour.HonouredByOne),
            ((await FollowUpAsync(silent))!.Honour, (await FollowUpAsync(oneSided))!.Honour));
    }

    [Fact]
    public async Task The_worst_report_wins_partly_honoured_at_once_and_not_honoured_disputes_the_settlement()
    {
        var (partly, claimant, respondent) = await SettledAsync(carryOutInDays: 1);
        var (broken, brokenClaimant, brokenRespondent) = await SettledAsync(carryOutInDays: 1);
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.True((await ReportAsync(claimant, partly, ReportVerdict.PartlyHonoured)).Succeeded);
        Assert.Equal(SettlementHonour.PartlyHonoured, (await FollowUpAsync(partly))!.Honour); // the other's report cannot lift it
        Assert.True((await ReportAsync(respondent, partly, ReportVerdict.Honoured)).Succeeded);
        Assert.Equal(SettlementHonour.PartlyHonoured, (await FollowUpAsync(partly))!.Honour);

        Assert.True((await ReportAsync(brokenRespondent, broken, ReportVerdict.Honoured)).Succeeded);
        Assert.True((await ReportAsync(brokenClaimant, broken, ReportVerdict.NotHonoured)).Succeeded);
        var row = (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(broken, ForumActor.Anonymous)))!.Row;
        Assert.Equal((DisputeOutcome.SettlementDisputed, SettlementHonour.NotHonoured), (row.Outcome, row.FollowUp!.Honour));
    }

    [Fact]
    public async Task Every_report_moves_the_pages_banner_an_answer_does_not()
    {
        var (id, claimant, respondent) = await SettledAsync(carryOutInDays: 1);
        Clock.Advance(TimeSpan.FromDays(1));
        var heard = new List<DisputeChanges>();
        using var listening = App.Services.GetRequiredService<IDisputeEvents>().Subscribe(id, change =>
        {
            lock (heard) heard.Add(change.Changes);
            return Task.CompletedTask;
        });

        var report = await ReportAsync(respondent, id, ReportVerdict.Honoured);
        Assert.True((await WithAsync<SettlementReportService, Outcome>(s =>
            s.AnswerReportAsync(claimant, report.Value, new ReportAnswerInput { Answer = "Thanks." }))).Succeeded);

        // The status flag moves the member's heading and the readers' header region, where the banner is.
        await WaitUntilAsync(() => heard.Count == 2);
        lock (heard)
            Assert.Equal([true, false], heard.Select(c => c.HasFlag(DisputeChanges.Status)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }

    [Fact]
    public async Task A_list_and_a_profile_carry_each_settled_row_s_state_and_nothing_for_the_others()
    {
        var (settled, claimant, _) = await SettledAsync(carryOutInDays: 1);
        var (open, _, _) = await Given.DisputeBetweenAsync(claimant, await MemberAsync("Other Shop"));
        Clock.Advance(TimeSpan.FromDays(20));

        var page = await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new()));
        Assert.Equal(SettlementHonour.NoReport, page.Rows.Single(r => r.Dispute.Id == settled).FollowUp!.Honour);
        Assert.Null(page.Rows.Single(r => r.Dispute.Id == open).FollowUp);
        var profile = (await WithAsync<DisputeQueries, MemberProfile?>(q => q.MemberAsync(claimant.UserId!, ForumActor.Anonymous)))!;
        Assert.Equal([SettlementHonour.NoReport, null], profile.Disputes.OrderBy(d => d.Row.Dispute.Id)
            .Select(d => d.Row.FollowUp?.Honour));
    }

    [Fact]
    public void The_rule_is_the_settlement_card_s_too()
    {
        var due = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var (windowEnds, within, after) = (due.AddDays(14), due.AddDays(3), due.AddDays(15));
        ReportView Report(PartyRole role, ReportVerdict verdict) => new(1, role, "", verdict, "", "", due, null, null, null);

        Assert.Equal(SettlementHonour.NotDue, new SettlementFollowUp(due, windowEnds, [], due.AddDays(-1)).State);
        Assert.Equal(SettlementHonour.HonouredByOne,
            new SettlementFollowUp(due, windowEnds, [Report(PartyRole.Claimant, ReportVerdict.Honoured)], after).State);
        var both = new SettlementFollowUp(due, windowEnds,
            [Report(PartyRole.Claimant, ReportVerdict.Honoured), Report(PartyRole.Respondent, ReportVerdict.Honoured)], within);
        Assert.Equal((SettlementHonour.Honoured, true), (both.State, both.Honoured));
    }

    private async Task<SettlementFollowUpState?> FollowUpAsync(int id) =>
        (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(id, ForumActor.Anonymous)))!.Row.FollowUp;

    /// <summary>A dispute the parties settled now, on the claimant's offer, carried out by today plus the days given.</summary>
    private async Task<(int Id, ForumActor Claimant, ForumActor Respondent)> SettledAsync(int carryOutInDays)
    {
        var pair = ++pairs;
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync($"Dana {pair}", $"Lamp Shop {pair}");
        var input = new OfferInput { Terms = "Refund in full.", ExpiresAt = Now.AddDays(1), CarryOutBy = Now.Date.AddDays(carryOutInDays) };
        var offer = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(claimant, id, input));
        Assert.True(offer.Succeeded, offer.Message);
        Assert.True((await WithAsync<OfferService, Outcome>(s => s.AcceptOfferAsync(respondent, offer.Value))).Succeeded);
        return (id, claimant, respondent);
    }

    private Task<Outcome<int>> ReportAsync(ForumActor party, int disputeId, ReportVerdict verdict) =>
        WithAsync<SettlementReportService, Outcome<int>>(s =>
            s.ReportAsync(party, disputeId, new ReportInput { Verdict = verdict, Note = "As agreed." }));
}

/// <summary>A page of rows asks for the settlements' follow-up once, for the settled rows only: never once per row.</summary>
public sealed class SettlementFollowUpReadsTests() : ForumAppTest(new ForumAppFactory(
    clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)), services: CountCalls))
{
    private static readonly List<int[]> Calls = [];

    private static void CountCalls(IServiceCollection services)
    {
        var original = services.Single(s => s.ServiceType == typeof(ISettlementFollowUps));
        services.Remove(original);
        services.AddSingleton<ISettlementFollowUps>(sp => new Counting(
            (ISettlementFollowUps)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
    }

    [Fact]
    public async Task One_read_for_the_settled_rows_of_a_page_none_without_any()
    {
        var clock = (FakeTimeProvider)App.Services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var settled = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var (id, claimant, respondent) = await Given.DisputeBetweenAsync($"Claimant {i}", $"Shop {i}");
            var offer = await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(claimant, id,
                new OfferInput { Terms = "Refund.", ExpiresAt = now.AddDays(1) }));
            Assert.True((await Run<OfferService, Outcome>(s => s.AcceptOfferAsync(respondent, offer.Value))).Succeeded);
            settled.Add(id);
        }
        await Given.DisputeBetweenAsync("Still Open", "Open Shop");
        lock (Calls) Calls.Clear();

        var page = await Run<DisputeQueries, DisputePage>(q => q.ListAsync(new()));
        Assert.Equal(4, page.Rows.Count);
        Assert.Equal(settled.Order(), Assert.Single(Calls).Order());
        Assert.All(page.Rows.Where(r => settled.Contains(r.Dispute.Id)), r => Assert.Equal(SettlementHonour.NotDue, r.FollowUp!.Honour));

        lock (Calls) Calls.Clear();
        await Run<DisputeQueries, DisputePage>(q => q.ListAsync(new(Outcome: DisputeOutcome.Running)));
        Assert.Empty(Calls);
    }

    private sealed class Counting(ISettlementFollowUps inner) : ISettlementFollowUps
    {
        public Task<IReadOnlyDictionary<int, SettlementFollowUpState>> StatesAsync(ForumDbContext db, IReadOnlyCollection<int> disputeIds,
            DateTime now, CancellationToken ct)
        {
            lock (Calls) Calls.Add([.. disputeIds]);
            return inner.StatesAsync(db, disputeIds, now, ct);
        }
    }
}
