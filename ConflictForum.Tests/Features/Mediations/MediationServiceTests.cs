using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Record;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Mediations;

/// <summary>Mediation: asked for, agreed, taken from the queue by a neutral mediator, and ended; the mediator's proposals.</summary>
public sealed class MediationServiceTests : ClockedForumAppTest
{
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_mediation_asked_agreed_and_taken_settles_the_dispute_when_both_accept_the_mediator_s_proposal()
    {
        var mediator = await WithRoleAsync(await MemberAsync("Ines Mediator"), ForumRoles.Mediator);
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");

        var mediation = await RequestAsync(claimant, id);
        AssertRefusal.Is(MediationRefusals.OwnRequest, await AnswerAsync(claimant, mediation, agree: true));
        AssertRefusal.Is(MediationRefusals.NotQueued, await TakeAsync(mediator, mediation)); // the other party has not agreed
        Assert.Empty(await QueueAsync(mediator));
        Assert.True((await AnswerAsync(respondent, mediation, agree: true)).Succeeded);
        Assert.Equal([id], (await QueueAsync(mediator)).Select(q => q.DisputeId));
        Assert.Empty(await QueueAsync(claimant)); // only mediators see the queue

        Assert.True((await TakeAsync(mediator, mediation)).Succeeded);
        Assert.Equal(mediator.UserId, (await Given.StoredAsync(id)).MediatorId);
        Assert.True((await WithAsync<MediationService, Outcome>(s =>
            s.PostNoteAsync(mediator, mediation, new MediatorTextInput { Text = "Let us look at the **receipt** first." }))).Succeeded);
        var proposal = await ProposeAsync(mediator, mediation, new OfferInput
        {
            Terms = "The shop refunds half; Dana keeps the lamp.", Amount = 60m, Currency = "gbp", ExpiresAt = Now.AddDays(2),
        });

        Assert.True((await AcceptAsync(claimant, proposal)).Succeeded);
        Assert.Equal(DisputeStatus.Open, (await Given.StoredAsync(id)).Status); // one acceptance is not an agreement
        AssertRefusal.Is(MediationRefusals.AlreadyAccepted, await AcceptAsync(claimant, proposal));
        var claimantAt = Now;
        Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await AcceptAsync(respondent, proposal)).Succeeded);

        var dispute = await Given.StoredAsync(id);
        Assert.Equal(DisputeStatus.Settled, dispute.Status);
        var settlement = (await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(id, ForumActor.Anonymous)))!.Settlement!;
        Assert.Equal(("The shop refunds half; Dana keeps the lamp.", 60m, "GBP", proposal, claimantAt, Now),
            (settlement.Source, settlement.Amount, settlement.Currency, settlement.ProposalId, settlement.ClaimantAcceptedAt,
                settlement.RespondentAcceptedAt));
        var slice = (await SliceAsync(id, ForumActor.Anonymous))!;
        Assert.Equal(MediationStatus.Lapsed, slice.Current!.Status); // ended with the dispute's settling
        Assert.Equal(OfferStatus.Accepted, slice.Current.Proposals.Single().Status);
        Assert.Equal("<p>Let us look at the <strong>receipt</strong> first.</p>", slice.Current.Notes.Single().Html.Trim());

        var kinds = (await Given.TimelineAsync(id)).Select(e => e.Kind).ToList();
        Assert.Equal([TimelineKind.MediationRequested, TimelineKind.MediationAnswered, TimelineKind.MediationTaken,
            TimelineKind.MediatorNote, TimelineKind.MediatorProposed, TimelineKind.MediatorProposalAnswered,
            TimelineKind.MediatorProposalAnswered, TimelineKind.Settled],
            kinds.Where(k => k.ToString().StartsWith("Media", StringComparison.Ordinal) || k == TimelineKind.Settled));
        var verdict = await WithAsync<RecordVerifier, ChainVerdict>(v => v.VerifyRecordAsync(id));
        Assert.True(verdict.Intact, verdict.Message);
    }

    [Fact]
    public async Task A_mediator_is_never_a_party_nor_someone_who_took_part_and_never_votes_on_the_dispute_they_mediate()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var voter = await WithRoleAsync(await MemberAsync("Voting Mediator"), ForumRoles.Mediator);
        var commenter = await WithRoleAsync(await MemberAsync("Talking Mediator"), ForumRoles.Mediator);
        var flagger = await WithRoleAsync(await MemberAsync("Flagging Mediator"), ForumRoles.Mediator);
        var plain = await MemberAsync("Plain Member");
        var neutral = await WithRoleAsync(await MemberAsync("Neutral Mediator"), ForumRoles.Mediator);
        var party = await WithRoleAsync(respondent, ForumRoles.Mediator);
        Clock.Advance(TimeSpan.FromDays(2)); // old enough to vote and flag
        await Given.VoteAsync(voter, id, FaultOption.Both);
        var comment = await Given.CommentAsync(commenter, id, "Both could have done better.");
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(flagger, ContentKind.Comment, comment, FlagReason.OffTopic, null))).Succeeded);
        var mediation = await RequestAsync(claimant, id);
        Assert.True((await AnswerAsync(respondent, mediation, agree: true)).Succeeded);

        AssertRefusal.Is(MediationRefusals.OnlyMediators, await TakeAsync(plain, mediation));
        AssertRefusal.Is(MediationRefusals.PartiesDoNotMediate, await TakeAsync(party, mediation));
        AssertRefusal.Is(MediationRefusals.TookPart, await TakeAsync(voter, mediation));
        AssertRefusal.Is(MediationRefusals.TookPart, await TakeAsync(commenter, mediation));
        AssertRefusal.Is(MediationRefusals.TookPart, await TakeAsync(flagger, mediation));
        var seen = (await SliceAsync(id, voter))!;
        Assert.Equal(MediationRefusals.TookPart, seen.CanTake!.Value.Reason); // the page says why, before they try

        Assert.True((await TakeAsync(neutral, mediation)).Succeeded);
        AssertRefusal.Is(MediationRefusals.NotQueued, await TakeAsync(neutral, mediation));
        AssertRefusal.Is(DeliberationRefusals.MediatorsDoNotVote,
            await WithAsync<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(neutral, id, FaultOption.ClaimantAtFault)));
        AssertRefusal.Is(MediationRefusals.OnlyTheMediator, await WithAsync<MediationService, Outcome>(s =>
            s.PostNoteAsync(flagger, mediation, new MediatorTextInput { Text = "I would like to help too." })));

        // A party ends it; the mediator, having mediated, still does not vote here.
        AssertRefusal.Is(MediationRefusals.OnlyParties, await WithAsync<MediationService, Outcome>(s => s.EndAsync(neutral, mediation)));
        Assert.True((await WithAsync<MediationService, Outcome>(s => s.EndAsync(respondent, mediation))).Succeeded);
        AssertRefusal.Is(MediationRefusals.NotActive, await WithAsync<MediationService, Outcome>(s =>
            s.PostNoteAsync(neutral, mediation, new MediatorTextInput { Text = "One more thing." })));
        AssertRefusal.Is(DeliberationRefusals.MediatorsDoNotVote,
            await WithAsync<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(neutral, id, FaultOption.ClaimantAtFault)));
        Assert.Equal("Lamp Shop (respondent) ended the mediation.", (await Given.TimelineAsync(id))[^1].Summary);
    }

    [Fact]
    public async Task Only_parties_ask_one_mediation_at_a_time_and_a_declined_request_may_be_asked_again()
    {
        var reader = await MemberAsync("Reader");
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");

        AssertRefusal.Is(MediationRefusals.OnlyParties, await WithAsync<MediationService, Outcome<int>>(s => s.RequestAsync(reader, id)));
        var first = await RequestAsync(claimant, id);
        AssertRefusal.Is(MediationRefusals.AlreadyOpen,
            await WithAsync<MediationService, Outcome<int>>(s => s.RequestAsync(respondent, id)));
        Assert.True((await AnswerAsync(respondent, first, agree: false)).Succeeded);
        AssertRefusal.Is(MediationRefusals.NotRequested, await AnswerAsync(respondent, first, agree: true));
        Assert.Equal("Lamp Shop (respondent) declined mediation.", (await Given.TimelineAsync(id))[^1].Summary);

        var second = await RequestAsync(respondent, id);
        Assert.True((await WithAsync<MediationService, Outcome>(s => s.EndAsync(respondent, second))).Succeeded); // withdrawn
        var slice = (await SliceAsync(id, claimant))!;
        Assert.Equal([MediationStatus.Ended, MediationStatus.Declined], slice.Mediations.Select(m => m.Status));
        Assert.True(slice.CanRequest.Allowed);
    }

    [Fact]
    public async Task A_settled_or_unjoined_dispute_takes_no_mediation_and_an_open_one_lapses_when_voting_closes()
    {
        var claimant = await MemberAsync("Dana");
        var unjoined = await Given.OpenAsync(claimant);
        AssertRefusal.Is(MediationRefusals.NotYet,
            await WithAsync<MediationService, Outcome<int>>(s => s.RequestAsync(claimant, unjoined.DisputeId)));

        var mediator = await WithRoleAsync(await MemberAsync("Ines Mediator"), ForumRoles.Mediator);
        var (id, _, respondent) = await Given.DisputeBetweenAsync(claimant, await MemberAsync("Lamp Shop"));
        var mediation = await RequestAsync(claimant, id);
        Assert.True((await AnswerAsync(respondent, mediation, agree: true)).Succeeded);
        Assert.True((await TakeAsync(mediator, mediation)).Succeeded);
        var proposal = await ProposeAsync(mediator, mediation, new OfferInput { Terms = "Split the cost.", ExpiresAt = Now.AddDays(1) });
        Clock.Advance(TimeSpan.FromDays(30)); // past the proposal's expiry and the voting window

        AssertRefusal.Is(MediationRefusals.NotRunning, await AcceptAsync(claimant, proposal));
        var stored = await Given.StoredAsync(id);
        Assert.Equal(DisputeStatus.Closed, stored.Status);
        var slice = (await SliceAsync(id, ForumActor.Anonymous))!;
        Assert.Equal(MediationStatus.Lapsed, slice.Current!.Status);
        Assert.Equal(OfferStatus.Expired, slice.Current.Proposals.Single().Status);
        Assert.Contains(await Given.TimelineAsync(id), e => e.Kind == TimelineKind.MediatorProposalExpired);
        AssertRefusal.Is(MediationRefusals.NotRunning, await WithAsync<MediationService, Outcome<int>>(s => s.RequestAsync(claimant, id)));
    }

    [Fact]
    public async Task A_mediator_s_bad_input_gets_a_clear_message_and_saves_nothing_and_their_notes_can_be_flagged_and_hidden()
    {
        var mediator = await WithRoleAsync(await MemberAsync("Ines Mediator"), ForumRoles.Mediator);
        var moderator = await Given.ModeratorAsync();
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var mediation = await RequestAsync(claimant, id);
        Assert.True((await AnswerAsync(respondent, mediation, agree: true)).Succeeded);
        Assert.True((await TakeAsync(mediator, mediation)).Succeeded);
        var before = (await Given.TimelineAsync(id)).Count;

        Assert.False((await WithAsync<MediationService, Outcome>(s =>
            s.PostNoteAsync(mediator, mediation, new MediatorTextInput { Text = "   " }))).Succeeded);
        var expired = await WithAsync<MediationService, Outcome<int>>(s =>
            s.ProposeAsync(mediator, mediation, new OfferInput { Terms = "Split it.", ExpiresAt = Now.AddHours(-1) }));
        Assert.Equal((OutcomeKind.Invalid, SettlementRefusals.ExpiryInPast), (expired.Kind, expired.Message));
        Assert.False((await WithAsync<MediationService, Outcome<int>>(s => s.ProposeAsync(mediator, mediation,
            new OfferInput { Terms = "Pay back.", Amount = -5m, Currency = "GBP", ExpiresAt = Now.AddDays(1) }))).Succeeded);
        Assert.False((await WithAsync<MediationService, Outcome>(s =>
            s.CloseAsync(mediator, mediation, new MediatorTextInput { Text = "" }))).Succeeded);
        Assert.Equal(before, (await Given.TimelineAsync(id)).Count);

        Assert.True((await WithAsync<MediationService, Outcome>(s =>
            s.PostNoteAsync(mediator, mediation, new MediatorTextInput { Text = "Call me at 0770 900 123." }))).Succeeded);
        var note = (await Given.TimelineAsync(id)).Single(e => e.Kind == TimelineKind.MediatorNote);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.MediatorNote, note.Id, "Personal information."))).Succeeded);
        var seen = (await SliceAsync(id, respondent))!.Current!.Notes.Single();
        Assert.Equal(("", "Hidden by a moderator: Personal information."), (seen.Html, seen.Hidden!.Text));
        Assert.Contains("0770", (await SliceAsync(id, mediator))!.Current!.Notes.Single().Html); // the author still reads it
        var timeline = await WithAsync<DisputeQueries, IReadOnlyList<TimelineEntry>>(q => q.TimelineAsync(id, viewer: respondent));
        Assert.Null(timeline.Single(e => e.Kind == TimelineKind.MediatorNote).BodyHtml);

        Assert.True((await WithAsync<MediationService, Outcome>(s =>
            s.CloseAsync(mediator, mediation, new MediatorTextInput { Text = "Both sides were heard; no agreement yet." }))).Succeeded);
        var closed = (await SliceAsync(id, ForumActor.Anonymous))!.Current!;
        Assert.Equal(MediationStatus.Closed, closed.Status);
        Assert.Contains("Both sides were heard", closed.SummaryHtml);
    }

    private async Task<int> RequestAsync(ForumActor party, int disputeId)
    {
        var asked = await WithAsync<MediationService, Outcome<int>>(s => s.RequestAsync(party, disputeId));
        Assert.True(asked.Succeeded, asked.Message);
        return asked.Value;
    }

    private async Task<int> ProposeAsync(ForumActor mediator, int mediation, OfferInput input)
    {
        var proposed = await WithAsync<MediationService, Outcome<int>>(s => s.ProposeAsync(mediator, mediation, input));
        Assert.True(proposed.Succeeded, proposed.Message);
        return proposed.Value;
    }

    private Task<Outcome> AnswerAsync(ForumActor party, int mediation, bool agree) =>
        WithAsync<MediationService, Outcome>(s => s.AnswerRequestAsync(party, mediation, agree));

    private Task<Outcome> TakeAsync(ForumActor mediator, int mediation) =>
        WithAsync<MediationService, Outcome>(s => s.TakeAsync(mediator, mediation));

    private Task<Outcome> AcceptAsync(ForumActor party, int proposal) =>
        WithAsync<MediationService, Outcome>(s => s.AcceptProposalAsync(party, proposal));

    private Task<MediationSlice?> SliceAsync(int disputeId, ForumActor viewer) =>
        WithAsync<MediationQueries, MediationSlice?>(q => q.GetAsync(disputeId, viewer));

    [Fact]
    public async Task The_queue_lists_a_dispute_a_moderator_hid_without_its_title()
    {
        var mediator = await WithRoleAsync(await MemberAsync("Ines Mediator"), ForumRoles.Mediator);
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        Assert.True((await AnswerAsync(respondent, await RequestAsync(claimant, id), agree: true)).Succeeded);
        var moderator = await WithRoleAsync(await MemberAsync("Mo Moderator"), ForumRoles.Moderator);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Dispute, id, "Names a private person"))).Succeeded);

        var queued = Assert.Single(await QueueAsync(mediator)); // a mediator is no moderator
        Assert.Equal((id, DisputeQueries.HiddenTitle), (queued.DisputeId, queued.DisputeTitle));
    }

    private Task<IReadOnlyList<MediationQueueItem>> QueueAsync(ForumActor viewer) =>
        WithAsync<MediationQueries, IReadOnlyList<MediationQueueItem>>(q => q.QueueAsync(viewer));
}
