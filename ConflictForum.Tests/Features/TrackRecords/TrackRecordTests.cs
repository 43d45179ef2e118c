using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.TrackRecords;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.TrackRecords;

/// <summary>
/// An organisation's track record is built from what happens on its disputes, kept by every step, and reads the same as
/// counting every dispute afresh.
/// </summary>
public sealed class TrackRecordTests() : ClockedForumAppTest(new Dictionary<string, string?> { ["Voting:Quorum"] = "2" })
{
    [Fact]
    public async Task The_record_counts_answers_settlements_reports_and_verdicts_as_they_happen()
    {
        var (organisation, agent) = await BoltAsync();
        var customer = await Given.MemberAsync("Cara Customer");
        var voters = new List<ForumActor>();
        foreach (var name in new[] { "Vic", "Val", "Viv", "Vera", "Vince", "Vita" }) voters.Add(await Given.MemberAsync(name));
        Clock.Advance(TimeSpan.FromDays(2)); // the voters' accounts are old enough to vote

        // Settled: answered after five hours, settled after two days, reported honoured by the customer.
        var settled = await Given.OpenAsync(customer, Scenario.Dispute("Parcel left in the rain", respondentName: "Bolt Couriers Ltd"));
        Clock.Advance(TimeSpan.FromHours(5));
        await AnswerAsync(agent, settled.DisputeId);
        var offer = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(agent, settled.DisputeId,
            new OfferInput { Terms = "We refund the parcel.", ExpiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(3) }));
        Clock.Advance(TimeSpan.FromHours(43));
        Assert.True((await WithAsync<OfferService, Outcome>(s => s.AcceptOfferAsync(customer, offer.Value))).Succeeded);

        // Against it: answered after a day, and the public finds it at fault.
        var against = await Given.OpenAsync(customer, Scenario.Dispute("Van blocked my drive", respondentName: "Bolt Couriers Ltd"));
        Clock.Advance(TimeSpan.FromHours(24));
        await AnswerAsync(agent, against.DisputeId);
        foreach (var voter in voters) await Given.VoteAsync(voter, against.DisputeId, FaultOption.RespondentAtFault);

        // Unanswered: its deadline passes without a word. Still running: opened last.
        await Given.OpenAsync(customer, Scenario.Dispute("Never collected my return", respondentName: "Bolt Couriers Ltd"));
        Clock.Advance(TimeSpan.FromDays(8));
        Assert.True((await WithAsync<SettlementReportService, Outcome<int>>(s => s.ReportAsync(customer, settled.DisputeId,
            new ReportInput { Verdict = ReportVerdict.Honoured, Note = "Refunded." }))).Succeeded);
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync()); // opens it to votes without an answer
        Clock.Advance(TimeSpan.FromDays(8));
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync()); // and closes it: nobody answered
        await Given.OpenAsync(customer, Scenario.Dispute("Wrong address on the label", respondentName: "Bolt Couriers Ltd"));

        var record = await RecordAsync(organisation);
        Assert.Equal(4, record.Opened);
        Assert.Equal(2, record.Answered);
        Assert.Equal(1, record.NotAnswered);
        Assert.Equal(2.0 / 3, record.ResponseRate!.Value, 3);
        Assert.Equal(TimeSpan.FromHours(5), record.MedianFirstResponse); // the lower of 5 and 24 hours
        Assert.Equal(TimeSpan.FromHours(48), record.MedianSettlement);
        Assert.Equal(1, record.Settlements[SettlementReported.Honoured]);
        Assert.Equal(1, record.Count(DisputeOutcome.Settled));
        Assert.Equal(1, record.VerdictsAgainst);
        Assert.Equal(0, record.VerdictsInFavour);
        Assert.Equal(1, record.Count(DisputeOutcome.Unanswered));
        Assert.Equal(1, record.Count(DisputeOutcome.Running));
        Assert.Equal(4, record.Months.Sum(m => m.Opened));
        await AssertSameAsCountedAfreshAsync(organisation);

        // Its public page shows the figures, each linked to the disputes behind it, and the months as a table.
        var (status, html) = await GetPageAsync("/organisations/bolt-couriers");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("Track record", html, StringComparison.Ordinal);
        Assert.Contains("about 5 hours", html, StringComparison.Ordinal);
        Assert.Contains("67%", html, StringComparison.Ordinal);
        Assert.Contains("disputes?organisation=bolt-couriers&outcome=RespondentAtFault", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"months\"", html, StringComparison.Ordinal);
        var (_, list) = await GetPageAsync("/disputes?organisation=bolt-couriers&outcome=Settled");
        Assert.Contains("Parcel left in the rain", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Van blocked my drive", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_of_not_honoured_moves_the_settlement_from_honoured_without_counting_it_twice()
    {
        var (organisation, agent) = await BoltAsync();
        var customer = await Given.MemberAsync("Cara Customer");
        var opened = await Given.OpenAsync(customer, Scenario.Dispute(respondentName: "Bolt Couriers Ltd"));
        await AnswerAsync(agent, opened.DisputeId);
        var offer = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(customer, opened.DisputeId,
            new OfferInput { Terms = "Refund me.", ExpiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(3) }));
        Assert.True((await WithAsync<OfferService, Outcome>(s => s.AcceptOfferAsync(agent, offer.Value))).Succeeded);
        Clock.Advance(TimeSpan.FromDays(8));
        Assert.True((await WithAsync<SettlementReportService, Outcome<int>>(s => s.ReportAsync(agent, opened.DisputeId,
            new ReportInput { Verdict = ReportVerdict.Honoured, Note = "Paid." }))).Succeeded);
        Assert.Equal(1, (await RecordAsync(organisation)).Settlements[SettlementReported.Honoured]);

        Assert.True((await WithAsync<SettlementReportService, Outcome<int>>(s => s.ReportAsync(customer, opened.DisputeId,
            new ReportInput { Verdict = ReportVerdict.NotHonoured, Note = "Nothing arrived." }))).Succeeded);
        var record = await RecordAsync(organisation);
        Assert.Equal(1, record.SettledTotal);
        Assert.Equal(1, record.Settlements[SettlementReported.NotHonoured]);
        Assert.False(record.Settlements.ContainsKey(SettlementReported.Honoured));
        Assert.Equal(1, record.Count(DisputeOutcome.SettlementDisputed));
        Assert.Equal(1, record.Opened);
        await AssertSameAsCountedAfreshAsync(organisation);
    }

    [Fact]
    public async Task A_dispute_a_moderator_hid_counts_for_nothing_until_it_is_restored()
    {
        var (organisation, agent) = await BoltAsync();
        var customer = await Given.MemberAsync("Cara Customer");
        var answered = await Given.OpenAsync(customer, Scenario.Dispute("Parcel left in the rain", respondentName: "Bolt Couriers Ltd"));
        await AnswerAsync(agent, answered.DisputeId);
        var fake = await Given.OpenAsync(customer, Scenario.Dispute("Bolt stole my car", respondentName: "Bolt Couriers Ltd"));
        Clock.Advance(TimeSpan.FromDays(8)); // the fake one's deadline passes unanswered
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync());
        Assert.Equal((2, 1), ((await RecordAsync(organisation)).Opened, (await RecordAsync(organisation)).NotAnswered));

        var moderator = await Given.ModeratorAsync();
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Dispute, fake.DisputeId, "Made up to harm the company."))).Succeeded);
        var record = await RecordAsync(organisation);
        Assert.Equal((1, 0, 1.0), (record.Opened, record.NotAnswered, record.ResponseRate));
        await AssertSameAsCountedAfreshAsync(organisation);

        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.UnhideAsync(moderator, ContentKind.Dispute, fake.DisputeId, "Checked: it is a real complaint."))).Succeeded);
        Assert.Equal((2, 1), ((await RecordAsync(organisation)).Opened, (await RecordAsync(organisation)).NotAnswered));
        await AssertSameAsCountedAfreshAsync(organisation);
    }

    private async Task AnswerAsync(ForumActor agent, int disputeId)
    {
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.JoinForOrganisationAsync(agent, disputeId))).Succeeded);
        await Given.EditStatementAsync(agent, disputeId, "Here is what happened on our side.");
    }

    private Task<TrackRecordView> RecordAsync(int organisation) =>
        WithAsync<TrackRecordQueries, TrackRecordView>(q => q.GetAsync(organisation));

    /// <summary>The counters kept step by step equal what every dispute adds up to when counted now.</summary>
    private async Task AssertSameAsCountedAfreshAsync(int organisation)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        var kept = (await db.TrackRecordCounts.Where(c => c.OrganisationId == organisation && c.Count != 0).ToListAsync())
            .ToDictionary(c => new TrackRecordKey(c.Measure, c.Month, c.Value), c => c.Count);
        var facts = (await db.TrackRecordFacts.Where(f => f.OrganisationId == organisation).ToListAsync())
            .SelectMany(f => f.Keys.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TrackRecordKey.Parse))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(facts.OrderBy(f => f.Key.ToString()), kept.OrderBy(k => k.Key.ToString()));
        Assert.Equal(await db.Disputes.CountAsync(d => d.RespondentOrganisationId == organisation), await db.TrackRecordFacts.CountAsync());
    }

    /// <summary>Bolt Couriers Ltd, verified, and its owner as the services now read them (acting for it).</summary>
    private async Task<(int Id, ForumActor Owner)> BoltAsync()
    {
        var owner = await Given.MemberAsync("Olga Owner");
        var id = await Given.BoltAsync(owner);
        return (id, await Given.ReadAsync(owner));
    }
}
