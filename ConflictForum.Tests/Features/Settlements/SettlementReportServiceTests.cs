using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Record;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Settlements;

/// <summary>Was it honoured? The parties' reports on a settlement once it is due, and their answers.</summary>
public sealed class SettlementReportServiceTests : ClockedForumAppTest
{
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Reports_open_on_the_due_date_only_to_the_parties_one_report_and_one_answer_each_all_on_the_record()
    {
        var (id, claimant, respondent) = await SettledAsync(carryOutInDays: 5);
        var due = Now.Date.AddDays(5);
        var reader = await MemberAsync("Reader");

        AssertRefusal.Is(SettlementRefusals.NotDueYet(due), await ReportAsync(respondent, id, ReportVerdict.Honoured));
        Assert.Contains(TimeText.Exact(due), SettlementRefusals.NotDueYet(due));
        Clock.Advance(due - Now);
        AssertRefusal.Is(SettlementRefusals.OnlyPartiesReport, await ReportAsync(reader, id, ReportVerdict.Honoured));
        var fromRespondent = await ReportAsync(respondent, id, ReportVerdict.Honoured, "Paid on **Monday**.");
        Assert.True(fromRespondent.Succeeded, fromRespondent.Message);
        AssertRefusal.Is(SettlementRefusals.AlreadyReported, await ReportAsync(respondent, id, ReportVerdict.NotHonoured));
        var fromClaimant = await ReportAsync(claimant, id, ReportVerdict.PartlyHonoured, "Half arrived.");
        Assert.True(fromClaimant.Succeeded, fromClaimant.Message);

        AssertRefusal.Is(SettlementRefusals.OwnReport, await AnswerAsync(respondent, fromRespondent.Value));
        AssertRefusal.Is(SettlementRefusals.OnlyPartiesReport, await AnswerAsync(reader, fromRespondent.Value));
        Assert.True((await AnswerAsync(claimant, fromRespondent.Value, "Only half of it.")).Succeeded);
        AssertRefusal.Is(SettlementRefusals.AlreadyAnswered, await AnswerAsync(claimant, fromRespondent.Value));
        Assert.True((await AnswerAsync(respondent, fromClaimant.Value, "The rest is on its way.")).Succeeded);

        var entries = await EntriesAsync(id);
        Assert.Equal([TimelineKind.SettlementReported, TimelineKind.SettlementReported, TimelineKind.SettlementReportAnswered,
            TimelineKind.SettlementReportAnswered], entries.TakeLast(4).Select(e => e.Kind));
        Assert.Equal("Lamp Shop (respondent) reported the settlement honoured.", entries[^4].Summary);
        Assert.Equal($"report:{fromRespondent.Value}", entries[^4].Reference);
        Assert.Equal(DisputeStatus.Settled, (await StoredAsync(id)).Status); // partly honoured disputes nothing
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id))).Intact);

        var slice = (await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(id, ForumActor.Anonymous)))!;
        var report = slice.FollowUp!.Of(PartyRole.Respondent)!;
        Assert.Equal((ReportVerdict.Honoured, "<p>Paid on <strong>Monday</strong>.</p>"), (report.Verdict, report.Html.Trim()));
        Assert.Equal("<p>Only half of it.</p>", report.AnswerHtml!.Trim());
        Assert.False(slice.FollowUp.Honoured);
    }

    [Fact]
    public async Task Not_honoured_marks_the_settlement_disputed_and_reopens_discussion_but_not_votes_or_offers()
    {
        var (id, claimant, respondent) = await SettledAsync(carryOutInDays: null);
        Clock.Advance(TimeSpan.FromDays(6));
        AssertRefusal.Is(SettlementRefusals.NotDueYet((await SettlementAsync(id)).SettledAt.AddDays(7)),
            await ReportAsync(claimant, id, ReportVerdict.NotHonoured));
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await ReportAsync(claimant, id, ReportVerdict.NotHonoured, "Nothing was paid.")).Succeeded);

        var dispute = await StoredAsync(id);
        Assert.Equal(DisputeStatus.SettlementDisputed, dispute.Status);
        Assert.Equal("Dana (claimant) reported the settlement not honoured. The settlement is disputed: the discussion is open again.",
            (await EntriesAsync(id))[^1].Summary);
        var voter = await MemberAsync("Voter");
        Clock.Advance(TimeSpan.FromDays(3));
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(voter, id, "What happened?"))).Succeeded);
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen,
            await WithAsync<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(voter, id, FaultOption.Both)));
        AssertRefusal.Is(SettlementRefusals.Settled, await WithAsync<OfferService, Outcome<int>>(s =>
            s.MakeOfferAsync(respondent, id, new OfferInput { Terms = "Again.", ExpiresAt = Now.AddDays(1) })));
        var seen = (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(id, voter)))!;
        Assert.Equal(DisputeOutcome.SettlementDisputed, seen.Row.Outcome);
        var listed = await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new(Outcome: DisputeOutcome.SettlementDisputed)));
        Assert.Equal([id], listed.Rows.Select(r => r.Dispute.Id));
        Assert.Empty((await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new(Outcome: DisputeOutcome.Settled)))).Rows);
        // The respondent still reports and answers on a disputed settlement.
        Assert.True((await ReportAsync(respondent, id, ReportVerdict.Honoured, "I paid.")).Succeeded);
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id))).Intact);
    }

    [Fact]
    public async Task A_party_silent_through_the_report_window_reads_no_report_never_honoured()
    {
        var (id, _, respondent) = await SettledAsync(carryOutInDays: 2);
        Clock.Advance(TimeSpan.FromDays(3));
        Assert.True((await ReportAsync(respondent, id, ReportVerdict.Honoured)).Succeeded);
        var during = (await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(id, ForumActor.Anonymous)))!.FollowUp!;
        Assert.False(during.NoReport(PartyRole.Claimant));

        Clock.Advance(TimeSpan.FromDays(14));
        var after = (await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(id, ForumActor.Anonymous)))!.FollowUp!;
        Assert.True(after.NoReport(PartyRole.Claimant));
        Assert.False(after.NoReport(PartyRole.Respondent));
        Assert.False(after.Honoured);
    }

    [Fact]
    public async Task A_report_or_answer_changed_behind_the_forum_is_reported_by_verify_record()
    {
        var (id, claimant, respondent) = await SettledAsync(carryOutInDays: 1);
        Clock.Advance(TimeSpan.FromDays(2));
        var report = (await ReportAsync(respondent, id, ReportVerdict.Honoured, "Paid in full.")).Value;
        Assert.True((await AnswerAsync(claimant, report, "Thank you.")).Succeeded);
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id))).Intact);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();

        await db.SettlementReports.ExecuteUpdateAsync(s => s.SetProperty(r => r.Verdict, ReportVerdict.NotHonoured));
        Assert.Matches("^The record is broken: the report on the settlement that entry [0-9]+ points to was changed or removed.$",
            (await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id))).Message);
        await db.SettlementReports.ExecuteUpdateAsync(s => s.SetProperty(r => r.Verdict, ReportVerdict.Honoured)
            .SetProperty(r => r.AnswerSource, "Nothing arrived."));
        Assert.Matches("^The record is broken: the report on the settlement that entry [0-9]+ points to was changed or removed.$",
            (await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id))).Message);
    }

    [Fact]
    public async Task No_reports_on_a_dispute_that_has_not_settled()
    {
        var (id, claimant, _) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        Clock.Advance(TimeSpan.FromDays(30));
        AssertRefusal.Is(SettlementRefusals.NotSettled, await ReportAsync(claimant, id, ReportVerdict.Honoured));
    }

    /// <summary>A dispute the parties settled now, on the claimant's offer, carried out by today plus the days given.</summary>
    private async Task<(int Id, ForumActor Claimant, ForumActor Respondent)> SettledAsync(int? carryOutInDays)
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var input = new OfferInput
        {
            Terms = "Refund in full.", ExpiresAt = Now.AddDays(1), CarryOutBy = carryOutInDays is { } days ? Now.Date.AddDays(days) : null,
        };
        var offer = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(claimant, id, input));
        Assert.True(offer.Succeeded, offer.Message);
        Assert.True((await WithAsync<OfferService, Outcome>(s => s.AcceptOfferAsync(respondent, offer.Value))).Succeeded);
        return (id, claimant, respondent);
    }

    private Task<Outcome<int>> ReportAsync(ForumActor party, int disputeId, ReportVerdict verdict, string note = "As agreed.") =>
        WithAsync<SettlementReportService, Outcome<int>>(s =>
            s.ReportAsync(party, disputeId, new ReportInput { Verdict = verdict, Note = note }));

    private Task<Outcome> AnswerAsync(ForumActor party, int reportId, string answer = "Noted.") =>
        WithAsync<SettlementReportService, Outcome>(s => s.AnswerReportAsync(party, reportId, new ReportAnswerInput { Answer = answer }));

    private async Task<Settlement> SettlementAsync(int id)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        return await db.Settlements.AsNoTracking().SingleAsync(s => s.DisputeId == id);
    }

    private async Task<Dispute> StoredAsync(int id)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        return await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<List<TimelineEntry>> EntriesAsync(int id)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        return await db.TimelineEntries.AsNoTracking().Where(e => e.DisputeId == id).OrderBy(e => e.Sequence).ToListAsync();
    }
}
