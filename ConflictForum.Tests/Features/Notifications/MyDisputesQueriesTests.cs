using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Notifications;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Notifications;

/// <summary>"My disputes": what each dispute needs from the member now, for the right party only, until it is done or too late.</summary>
public sealed class MyDisputesQueriesTests : ClockedForumAppTest
{
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task The_respondent_who_joined_is_asked_for_their_statement_until_they_post_it()
    {
        var (id, claimant, respondent) = await Given.JoinedDisputeAsync(await MemberAsync("Dana"), await MemberAsync("Lamp Shop"));
        var deadline = (await Given.StoredAsync(id)).ResponseDeadline;

        var action = Assert.Single((await MineAsync(respondent)).Actions);
        Assert.Equal((MyActionKind.PostStatement, deadline, $"disputes/{id}#statements"), (action.Kind, action.Deadline, action.Link));
        Assert.Empty((await MineAsync(claimant)).Actions);
        Assert.Equal([id], (await MineAsync(claimant)).Running.Select(r => r.Dispute.Id));

        await Given.EditStatementAsync(respondent, id, Scenario.RespondentStatement);
        var after = await MineAsync(respondent);
        Assert.Empty(after.Actions);
        Assert.Equal([id], after.Running.Select(r => r.Dispute.Id));
    }

    [Fact]
    public async Task The_statement_is_no_longer_asked_for_once_the_response_deadline_has_passed()
    {
        var (id, _, respondent) = await Given.JoinedDisputeAsync(await MemberAsync("Dana"), await MemberAsync("Lamp Shop"));
        Assert.Single((await MineAsync(respondent)).Actions);

        Clock.Advance((await Given.StoredAsync(id)).ResponseDeadline - Now);
        Assert.Empty((await MineAsync(respondent)).Actions); // the dispute opened without it, even before anything saved that
    }

    [Fact]
    public async Task The_other_party_answers_a_live_offer_until_it_is_answered_or_expires()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var first = await OfferAsync(claimant, id, Now.AddDays(2));

        var action = Assert.Single((await MineAsync(respondent)).Actions);
        Assert.Equal((MyActionKind.AnswerOffer, Now.AddDays(2), $"disputes/{id}#offers", "Answer the claimant's offer"),
            (action.Kind, action.Deadline, action.Link, action.What));
        Assert.Empty((await MineAsync(claimant)).Actions); // never one's own offer
        Assert.Empty((await MineAsync(await MemberAsync("Reader"))).Actions);

        Assert.True((await WithAsync<OfferService, Outcome>(s =>
            s.DeclineOfferAsync(respondent, first, new OfferAnswerInput()))).Succeeded);
        Assert.Empty((await MineAsync(respondent)).Actions);

        await OfferAsync(claimant, id, Now.AddHours(6));
        Assert.Single((await MineAsync(respondent)).Actions);
        Clock.Advance(TimeSpan.FromHours(6));
        Assert.Empty((await MineAsync(respondent)).Actions);
    }

    [Fact]
    public async Task A_mediation_request_is_answered_by_the_other_party_a_proposal_by_each_party_and_the_mediator_sees_their_mediation()
    {
        var mediator = await WithRoleAsync(await MemberAsync("Ines Mediator"), ForumRoles.Mediator);
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var mediation = (await WithAsync<MediationService, Outcome<int>>(s => s.RequestAsync(claimant, id))).Value;

        var request = Assert.Single((await MineAsync(respondent)).Actions);
        Assert.Equal((MyActionKind.AnswerMediationRequest, $"disputes/{id}#mediation"), (request.Kind, request.Link));
        Assert.Equal((await Given.StoredAsync(id)).VotingClosesAt, request.Deadline);
        Assert.Empty((await MineAsync(claimant)).Actions);
        Assert.True((await WithAsync<MediationService, Outcome>(s => s.AnswerRequestAsync(respondent, mediation, true))).Succeeded);
        Assert.Empty((await MineAsync(respondent)).Actions);
        Assert.Empty((await MineAsync(mediator)).Actions); // the queue is the mediators' page; nobody's own yet

        Assert.True((await WithAsync<MediationService, Outcome>(s => s.TakeAsync(mediator, mediation))).Succeeded);
        Assert.Equal([(MyActionKind.Mediate, id)], (await MineAsync(mediator)).Actions.Select(a => (a.Kind, a.Row.Dispute.Id)));
        var proposal = (await WithAsync<MediationService, Outcome<int>>(s => s.ProposeAsync(mediator, mediation,
            new OfferInput { Terms = "Refund half.", ExpiresAt = Now.AddDays(1) }))).Value;
        foreach (var party in new[] { claimant, respondent })
        {
            var answer = Assert.Single((await MineAsync(party)).Actions);
            Assert.Equal((MyActionKind.AnswerProposal, Now.AddDays(1), $"disputes/{id}#mediation"),
                (answer.Kind, answer.Deadline, answer.Link));
        }

        Assert.True((await WithAsync<MediationService, Outcome>(s => s.AcceptProposalAsync(claimant, proposal))).Succeeded);
        Assert.Empty((await MineAsync(claimant)).Actions); // accepted: waits for the other party
        Assert.Single((await MineAsync(respondent)).Actions);
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty((await MineAsync(respondent)).Actions);
        Assert.Equal([MyActionKind.Mediate], (await MineAsync(mediator)).Actions.Select(a => a.Kind));

        Clock.Advance(TimeSpan.FromDays(10)); // voting closed: the mediation lapsed with the dispute
        var ended = await MineAsync(mediator);
        Assert.Empty(ended.Actions);
        Assert.Equal([id], ended.Ended.Select(r => r.Dispute.Id));
    }

    [Fact]
    public async Task Each_party_reports_on_the_settlement_from_its_due_date_until_the_window_ends_and_answers_the_other_s_report()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var offer = await OfferAsync(claimant, id, Now.AddDays(1), carryOutBy: Now.Date.AddDays(3));
        Assert.True((await WithAsync<OfferService, Outcome>(s => s.AcceptOfferAsync(respondent, offer))).Succeeded);
        var mine = await MineAsync(claimant);
        Assert.Empty(mine.Actions); // not due yet
        Assert.Equal([id], mine.Ended.Select(r => r.Dispute.Id));

        Clock.Advance(Now.Date.AddDays(3) - Now);
        var windowEnds = Now + TimeSpan.FromDays(14);
        foreach (var party in new[] { claimant, respondent })
        {
            var report = Assert.Single((await MineAsync(party)).Actions);
            Assert.Equal((MyActionKind.ReportOnSettlement, windowEnds, $"disputes/{id}#settlement"),
                (report.Kind, report.Deadline, report.Link));
        }

        var reported = await WithAsync<SettlementReportService, Outcome<int>>(s =>
            s.ReportAsync(claimant, id, new ReportInput { Verdict = ReportVerdict.NotHonoured, Note = "No refund came." }));
        Assert.True(reported.Succeeded, reported.Message);
        Assert.Empty((await MineAsync(claimant)).Actions);
        Assert.Equal([MyActionKind.ReportOnSettlement, MyActionKind.AnswerReport], // the dated one first
            (await MineAsync(respondent)).Actions.Select(a => a.Kind));
        Assert.True((await WithAsync<SettlementReportService, Outcome>(s =>
            s.AnswerReportAsync(respondent, reported.Value, new ReportAnswerInput { Answer = "It was sent on Monday." }))).Succeeded);
        Assert.Equal([MyActionKind.ReportOnSettlement], (await MineAsync(respondent)).Actions.Select(a => a.Kind));

        Clock.Advance(TimeSpan.FromDays(14));
        Assert.Empty((await MineAsync(respondent)).Actions);
    }

    [Fact]
    public async Task The_actions_come_soonest_deadline_first_and_the_others_newest_activity_first()
    {
        var dana = await MemberAsync("Dana");
        var (quiet, _, _) = await Given.DisputeBetweenAsync(dana, await MemberAsync("Quiet Shop"));
        var (late, _, lateShop) = await Given.DisputeBetweenAsync(dana, await MemberAsync("Late Shop"));
        var (soon, _, soonShop) = await Given.DisputeBetweenAsync(dana, await MemberAsync("Soon Shop"));
        Clock.Advance(TimeSpan.FromHours(1));
        var (busy, _, _) = await Given.DisputeBetweenAsync(dana, await MemberAsync("Busy Shop"));
        await OfferAsync(lateShop, late, Now.AddDays(3));
        await OfferAsync(soonShop, soon, Now.AddDays(1));

        var mine = await MineAsync(dana);
        Assert.Equal([soon, late], mine.Actions.Select(a => a.Row.Dispute.Id));
        Assert.Equal([busy, quiet], mine.Running.Select(r => r.Dispute.Id));
        Assert.Empty(mine.Ended);
    }

    private Task<MyDisputes> MineAsync(ForumActor member) => WithAsync<MyDisputesQueries, MyDisputes>(q => q.GetAsync(member));

    private async Task<int> OfferAsync(ForumActor party, int disputeId, DateTime expires, DateTime? carryOutBy = null)
    {
        var made = await WithAsync<OfferService, Outcome<int>>(s =>
            s.MakeOfferAsync(party, disputeId, new OfferInput { Terms = "Refund in full.", ExpiresAt = expires, CarryOutBy = carryOutBy }));
        Assert.True(made.Succeeded, made.Message);
        return made.Value;
    }
}
