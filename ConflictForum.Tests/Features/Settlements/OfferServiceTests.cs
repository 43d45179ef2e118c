using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Record;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Settlements;

/// <summary>Offers between the parties, and the settlement an accepted offer becomes.</summary>
public sealed class OfferServiceTests : ClockedForumAppTest
{
    private static OfferInput Terms(string text, DateTime expires, decimal? amount = null, string? currency = null,
        DateTime? carryOutBy = null) =>
        new() { Terms = text, ExpiresAt = expires, Amount = amount, Currency = currency, CarryOutBy = carryOutBy };

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task An_offer_countered_and_accepted_settles_the_dispute_on_the_counter_s_terms_and_closes_voting()
    {
        var reader = await MemberAsync("Reader");
        Clock.Advance(TimeSpan.FromDays(2));
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        await Given.VoteAsync(reader, id, FaultOption.RespondentAtFault);

        var first = await OfferAsync(claimant, id, Terms("Refund the **full** price.", Now.AddDays(2), 120m, "gbp"));
        var counter = (await WithAsync<OfferService, Outcome<int>>(s =>
            s.MakeOfferAsync(respondent, id, Terms("Refund half, and a new lamp.", Now.AddDays(2), 60m, "GBP", Now.AddDays(10)),
                counters: first))).Value;
        Clock.Advance(TimeSpan.FromHours(3));
        AssertRefusal.Is(SettlementRefusals.OwnOffer, await AcceptAsync(respondent, counter));
        AssertRefusal.Is(SettlementRefusals.NoLongerLive, await AcceptAsync(respondent, first)); // countered: superseded
        Assert.True((await AcceptAsync(claimant, counter)).Succeeded);

        var slice = (await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(id, ForumActor.Anonymous)))!;
        Assert.Equal([OfferStatus.Accepted, OfferStatus.Countered], slice.Offers.Select(o => o.Status));
        var settlement = slice.Settlement!;
        Assert.Equal(("Refund half, and a new lamp.", 60m, "GBP"), (settlement.Source, settlement.Amount, settlement.Currency));
        Assert.Equal(Now.AddHours(-3).AddDays(10), settlement.CarryOutBy);
        Assert.Equal((Now, Now.AddHours(-3)), (settlement.ClaimantAcceptedAt, settlement.RespondentAcceptedAt));
        Assert.Equal(counter, settlement.OfferId);

        var dispute = await StoredAsync(id);
        Assert.Equal(DisputeStatus.Settled, dispute.Status);
        Assert.NotNull(dispute.FinalVerdict); // the public's verdict as it stood when they settled
        var entries = await EntriesAsync(id);
        Assert.Equal([TimelineKind.OfferMade, TimelineKind.OfferMade, TimelineKind.OfferAnswered, TimelineKind.Settled,
            TimelineKind.VerdictFrozen], entries.TakeLast(5).Select(e => e.Kind));
        Assert.Equal("Dana (claimant) made an offer to settle (120.00 GBP), open until " + TimeText.Exact(Now.AddHours(-3).AddDays(2))
            + ".", entries[^5].Summary);

        // Settled: no votes, offers or resolutions; the discussion goes on.
        var late = await MemberAsync("Late Voter");
        Clock.Advance(TimeSpan.FromDays(2));
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen,
            await WithAsync<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(late, id, FaultOption.Both)));
        AssertRefusal.Is(SettlementRefusals.Settled,
            await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(claimant, id, Terms("More.", Now.AddDays(1)))));
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen, await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(late, id, "Another idea", "Something else.")));
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(late, id, "Glad it is settled."))).Succeeded);
        var verdict = await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id));
        Assert.True(verdict.Intact, verdict.Message);
        var seen = (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(id, late)))!;
        Assert.Equal(DisputeOutcome.Settled, seen.Row.Outcome);
        Assert.True(seen.CanComment.Allowed);
        var tally = (await WithAsync<DeliberationService, TallyView?>(q => q.TallyAsync(id, late)))!;
        Assert.Equal($"Voting closed when the parties settled, on {TimeText.Exact(dispute.ClosedAt!.Value)}.", tally.CanVote.Reason);
    }

    [Fact]
    public async Task Only_parties_make_and_answer_offers_one_live_offer_each_and_a_decline_says_why()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var reader = await MemberAsync("Reader");

        AssertRefusal.Is(SettlementRefusals.OnlyParties, await WithAsync<OfferService, Outcome<int>>(s =>
            s.MakeOfferAsync(reader, id, Terms("I offer!", Now.AddDays(1)))));
        var first = await OfferAsync(claimant, id, Terms("Refund in full.", Now.AddDays(1)));
        AssertRefusal.Is(SettlementRefusals.OnlyParties, await AcceptAsync(reader, first));
        var second = await OfferAsync(claimant, id, Terms("Refund 80%.", Now.AddDays(1)));
        AssertRefusal.Is(SettlementRefusals.NoLongerLive, await AcceptAsync(respondent, first)); // replaced by the second

        Assert.True((await WithAsync<OfferService, Outcome>(s =>
            s.DeclineOfferAsync(respondent, second, new OfferAnswerInput { Reason = "  The lamp was fine when it left.  " }))).Succeeded);
        var slice = (await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(id, respondent)))!;
        Assert.Equal([(OfferStatus.Declined, "The lamp was fine when it left."), (OfferStatus.Replaced, null)],
            slice.Offers.Select(o => (o.Status, o.DeclineReason)));
        Assert.Null(slice.AnswerableOfferId);
        Assert.Equal(DisputeStatus.Open, (await StoredAsync(id)).Status);
        Assert.Equal("Lamp Shop (respondent) declined the claimant's offer.", (await EntriesAsync(id))[^1].Summary);
    }

    [Fact]
    public async Task Both_parties_accepting_the_same_resolution_settle_the_dispute_on_it()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var reader = await MemberAsync("Reader");
        var resolution = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(reader, id, "Split the cost", "Each pays **half** of the lamp."))).Value;

        Assert.True((await AnswerAsync(claimant, resolution, PartyAnswer.Accepts)).Succeeded);
        Assert.Equal(DisputeStatus.Open, (await StoredAsync(id)).Status); // one side is not an agreement
        var claimantAt = Now;
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await AnswerAsync(respondent, resolution, PartyAnswer.Accepts)).Succeeded);

        Assert.Equal(DisputeStatus.Settled, (await StoredAsync(id)).Status);
        var settlement = (await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(id, reader)))!.Settlement!;
        Assert.Equal(("Each pays **half** of the lamp.", resolution, claimantAt, Now),
            (settlement.Source, settlement.ResolutionId, settlement.ClaimantAcceptedAt, settlement.RespondentAcceptedAt));
        Assert.Equal("Settled: both parties accepted the resolution “Split the cost”. Voting is closed; discussion goes on.",
            (await EntriesAsync(id)).Single(e => e.Kind == TimelineKind.Settled).Summary);
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen, await AnswerAsync(claimant, resolution, PartyAnswer.Declines));
    }

    [Fact]
    public async Task A_resolution_a_moderator_hid_is_neither_supported_answered_nor_adopted_as_an_offer_while_hidden()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var reader = await MemberAsync("Reader");
        var resolution = (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(reader, id, "Split the cost", "Each pays half, and here is their home address."))).Value;
        Assert.True((await AnswerAsync(claimant, resolution, PartyAnswer.Accepts)).Succeeded);
        var moderator = await Given.ModeratorAsync();
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Resolution, resolution, "Names a private person"))).Succeeded);

        // The hidden words would settle the dispute, or come back as an offer's terms anyone can read.
        AssertRefusal.Is(DeliberationRefusals.ResolutionHidden, await AnswerAsync(respondent, resolution, PartyAnswer.Accepts));
        AssertRefusal.Is(DeliberationRefusals.ResolutionHidden, await WithAsync<DeliberationService, Outcome>(s =>
            s.SetStanceAsync(reader, resolution, true)));
        AssertRefusal.Is(DeliberationRefusals.ResolutionHidden, await WithAsync<OfferService, Outcome<int>>(s =>
            s.MakeOfferAsync(respondent, id, new OfferInput { ExpiresAt = Now.AddDays(3) }, adopting: resolution)));
        Assert.Equal(DisputeStatus.Open, (await StoredAsync(id)).Status);
        Assert.Empty((await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(id, reader)))!.Offers);
    }

    private Task<Outcome> AnswerAsync(ForumActor party, int resolution, PartyAnswer answer) =>
        WithAsync<DeliberationService, Outcome>(s => s.AnswerResolutionAsync(party, resolution, answer));

    [Fact]
    public async Task Bad_offers_get_a_clear_message_and_save_nothing()
    {
        var (id, claimant, _) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var before = (await EntriesAsync(id)).Count;
        var votingEnds = (await StoredAsync(id)).VotingClosesAt!.Value;

        foreach (var (input, expected) in new (OfferInput, string)[]
        {
            (Terms("   ", Now.AddDays(1)), "Write the terms you offer first."),
            (Terms("Pay me.", Now.AddDays(1), -5m, "GBP"), "The amount must be between 0 and 1,000,000,000, and never negative."),
            (Terms("Pay me.", Now.AddDays(1), 5m), SettlementRefusals.AmountWithoutCurrency),
            (Terms("Pay me.", Now.AddDays(1), 5m, "pounds"), "Give the currency as its three-letter code, such as GBP, EUR or USD."),
            (Terms("Pay me.", Now.AddDays(1), carryOutBy: Now.AddDays(-2)), SettlementRefusals.CarryOutInPast),
            (Terms("Pay me.", Now.AddMinutes(-1)), SettlementRefusals.ExpiryInPast),
            (new OfferInput { Terms = "Pay me." }, SettlementRefusals.ExpiryMissing),
            (Terms("Pay me.", votingEnds.AddMinutes(1)),
                $"An offer expires by the end of the voting window, {TimeText.Exact(votingEnds)}."),
        })
        {
            var outcome = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(claimant, id, input));
            Assert.Equal((OutcomeKind.Invalid, expected), (outcome.Kind, outcome.Message));
        }

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Offers.ToListAsync());
        Assert.Equal(before, (await EntriesAsync(id)).Count);
    }

    [Fact]
    public async Task An_unanswered_offer_expires_on_the_record_and_can_no_longer_be_accepted()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var offer = await OfferAsync(claimant, id, Terms("Refund in full.", Now.AddHours(6)));

        Clock.Advance(TimeSpan.FromHours(7));
        AssertRefusal.Is(SettlementRefusals.NoLongerLive, await AcceptAsync(respondent, offer));
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync());

        var expired = (await EntriesAsync(id))[^1];
        Assert.Equal((TimelineKind.OfferExpired, "The claimant's offer expired without an answer."), (expired.Kind, expired.Summary));
        Assert.Equal(OfferStatus.Expired, (await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(id, claimant)))!
            .Offers.Single().Status);
    }

    [Fact]
    public async Task Two_acceptances_racing_on_two_instances_make_exactly_one_settlement()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var fromClaimant = await OfferAsync(claimant, id, Terms("Refund in full.", Now.AddDays(1)));
        var fromRespondent = await OfferAsync(respondent, id, Terms("Refund half.", Now.AddDays(1)));
        await using var second = new ForumAppFactory(dataFolder: App.DataFolder, clock: Clock);

        var outcomes = await Task.WhenAll(
            Task.Run(() => AcceptOnAsync(App, respondent, fromClaimant)),
            Task.Run(() => AcceptOnAsync(second, claimant, fromRespondent)));

        Assert.Single(outcomes, o => o.Succeeded);
        AssertRefusal.Is(SettlementRefusals.Settled, outcomes.Single(o => !o.Succeeded));
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        Assert.Single(await db.Settlements.ToListAsync());
        Assert.Single(await db.Offers.Where(o => o.Status == OfferStatus.Accepted).ToListAsync());
    }

    [Fact]
    public async Task An_offer_or_settlement_changed_behind_the_forum_is_reported_by_verify_record()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var declined = await OfferAsync(claimant, id, Terms("Refund in full.", Now.AddDays(1), 100m, "EUR"));
        Assert.True((await WithAsync<OfferService, Outcome>(s => s.DeclineOfferAsync(respondent, declined, new()))).Succeeded);
        var accepted = await OfferAsync(claimant, id, Terms("Refund 80%.", Now.AddDays(1), 80m, "EUR"));
        Assert.True((await AcceptAsync(respondent, accepted)).Succeeded);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        Assert.True((await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id))).Intact);

        await db.Settlements.ExecuteUpdateAsync(s => s.SetProperty(x => x.Amount, 8m));
        var verdict = await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id));
        Assert.False(verdict.Intact);
        Assert.Matches("^The record is broken: the settlement that entry [0-9]+ points to was changed or removed.$", verdict.Message);

        await db.Settlements.ExecuteUpdateAsync(s => s.SetProperty(x => x.Amount, 80m));
        await db.Offers.Where(o => o.Id == declined).ExecuteUpdateAsync(s => s.SetProperty(x => x.Source, "Nothing at all."));
        Assert.Matches("^The record is broken: the offer that entry [0-9]+ points to was changed or removed.$",
            (await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id))).Message);
    }

    private static async Task<Outcome> AcceptOnAsync(ForumAppFactory app, ForumActor party, int offer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptOfferAsync(party, offer);
    }

    private async Task<int> OfferAsync(ForumActor party, int disputeId, OfferInput input)
    {
        var made = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(party, disputeId, input));
        Assert.True(made.Succeeded, made.Message);
        return made.Value;
    }

    private Task<Outcome> AcceptAsync(ForumActor party, int offer) =>
        WithAsync<OfferService, Outcome>(s => s.AcceptOfferAsync(party, offer));

    private Task<Dispute> StoredAsync(int id) => Given.StoredAsync(id);

    private Task<List<TimelineEntry>> EntriesAsync(int id) => Given.TimelineAsync(id);
}
