using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Notifications;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Organisations;

/// <summary>
/// Disputes against an organisation: opened by its name, delivered to its members, answered by any of them for it, and
/// never voted, flagged, mediated or moderated on by them.
/// </summary>
public sealed class OrganisationDisputesTests : ClockedForumAppTest
{
    [Fact]
    public async Task A_dispute_against_a_verified_organisation_is_delivered_to_its_members_and_any_of_them_answers_for_it()
    {
        var (organisation, owner, agent) = await BoltAsync(verified: true);
        var customer = await Given.MemberAsync("Cara Customer");

        // Typed as the customer knows it: the organisation is matched by its name, whatever the case and spacing.
        var opened = await Given.OpenAsync(customer, Scenario.Dispute(respondentName: "  bolt   COURIERS ltd "));
        var stored = await Given.StoredAsync(opened.DisputeId);
        Assert.Equal(organisation, stored.RespondentOrganisationId);
        Assert.Equal("Bolt Couriers Ltd", stored.RespondentName);
        Assert.Equal(new[] { agent.UserId, owner.UserId }.Order(), (await NotifiedAsync(opened.DisputeId)).Order());

        // Its members' "My disputes" asks them to answer it, until one of them does.
        var waiting = await WithAsync<MyDisputesQueries, MyDisputes>(q => q.GetAsync(agent));
        Assert.Equal(MyActionKind.AnswerForOrganisation, Assert.Single(waiting.Actions).Kind);

        // Nobody outside it answers, not even with the invitation link; one member joins without it.
        var stranger = await Given.MemberAsync("Sam Stranger");
        AssertRefusal.Is(DisputeRefusals.OnlyOrganisationMembersAnswer,
            await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(stranger, opened.InvitationToken)));
        AssertRefusal.Is(DisputeRefusals.OnlyOrganisationMembersAnswer, await JoinAsync(stranger, opened.DisputeId));
        Assert.True((await JoinAsync(agent, opened.DisputeId)).Succeeded);
        AssertRefusal.Is("This dispute is no longer waiting for the other party.", await JoinAsync(owner, opened.DisputeId));

        // From then on the owner acts as the respondent too, and every step is signed for the organisation.
        Assert.DoesNotContain((await WithAsync<MyDisputesQueries, MyDisputes>(q => q.GetAsync(owner))).Actions,
            a => a.Kind == MyActionKind.AnswerForOrganisation);
        await Given.EditStatementAsync(owner, opened.DisputeId, "We delivered on the day promised.");
        var view = await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(opened.DisputeId, customer));
        Assert.Equal("Olga Owner for Bolt Couriers Ltd", view!.RespondentStatement!.AuthorName);
        Assert.Equal("Bolt Couriers Ltd", view.Row.RespondentName);
        Assert.Equal(organisation, view.Row.Organisation!.Id);
        var asAgent = await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(opened.DisputeId, agent));
        Assert.Equal(PartyRole.Respondent, asAgent!.ViewerRole);
        var timeline = await Given.TimelineAsync(opened.DisputeId);
        Assert.Contains(timeline,
            e => e.Summary.StartsWith("Alex Agent joined for Bolt Couriers Ltd as the respondent", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.ActorName == "Olga Owner for Bolt Couriers Ltd" && e.Kind == TimelineKind.StatementPosted);

        var offer = await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(agent, opened.DisputeId,
            new OfferInput { Terms = "A full refund of the delivery fee.", ExpiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(3) }));
        Assert.True(offer.Succeeded, offer.Message);
        var slice = await WithAsync<SettlementQueries, SettlementSlice?>(q => q.GetAsync(opened.DisputeId, customer));
        Assert.Equal("Alex Agent for Bolt Couriers Ltd", Assert.Single(slice!.Offers).AuthorName);
        // The customer's step reaches both members, not only the one who joined.
        var before = (await NotifiedAsync(opened.DisputeId)).Count;
        await Given.EditStatementAsync(customer, opened.DisputeId, "It came a week late.");
        Assert.Equal(before + 2, (await NotifiedAsync(opened.DisputeId)).Count);
    }

    [Fact]
    public async Task Its_members_never_vote_flag_comment_as_readers_mediate_or_moderate_on_its_disputes_nor_open_one_against_it()
    {
        var (organisation, owner, agent) = await BoltAsync(verified: true);
        var customer = await Given.MemberAsync("Cara Customer");
        AssertRefusal.Is(DisputeRefusals.ClaimantActsForOrganisation,
            await WithAsync<DisputeService, Outcome<OpenedDispute>>(s =>
                s.OpenDisputeAsync(owner, Scenario.Dispute(respondentName: "Bolt Couriers Ltd"))));

        var opened = await Given.OpenAsync(customer, Scenario.Dispute(respondentName: "Bolt Couriers Ltd"));
        var moderatorAgent = await Given.WithRoleAsync(agent, ForumRoles.Moderator);
        var mediatorAgent = await Given.WithRoleAsync(moderatorAgent, ForumRoles.Mediator);
        Clock.Advance(TimeSpan.FromDays(8)); // the response deadline passed: open for votes without an answer, accounts old enough
        var comment = await Given.CommentAsync(await Given.MemberAsync("Rita Reader"), opened.DisputeId, "Bolt is always late.");

        AssertRefusal.Is(DisputeRefusals.ActsForRespondent,
            await WithAsync<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(owner, opened.DisputeId, FaultOption.ClaimantAtFault)));
        AssertRefusal.Is(DisputeRefusals.ActsForRespondent,
            await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(owner, opened.DisputeId, "We are never late.")));
        AssertRefusal.Is(DisputeRefusals.ActsForRespondent,
            await WithAsync<ModerationService, Outcome>(s => s.FlagAsync(owner, ContentKind.Comment, comment, FlagReason.Spam, null)));
        AssertRefusal.Is(DisputeRefusals.ActsForRespondent,
            await WithAsync<ModerationService, Outcome>(s => s.HideAsync(moderatorAgent, ContentKind.Comment, comment, "Unfair")));
        // Once the owner answered for it, its agent is on the respondent's side: no mediating there either.
        var answered = await Given.OpenAsync(customer, Scenario.Dispute(respondentName: "Bolt Couriers Ltd"));
        Assert.True((await JoinAsync(owner, answered.DisputeId)).Succeeded);
        await Given.EditStatementAsync(owner, answered.DisputeId, "We delivered on time.");
        var mediation = await WithAsync<MediationService, Outcome<int>>(s => s.RequestAsync(customer, answered.DisputeId));
        Assert.True(mediation.Succeeded, mediation.Message);
        Assert.True((await WithAsync<MediationService, Outcome>(s => s.AnswerRequestAsync(agent, mediation.Value, agree: true))).Succeeded);
        AssertRefusal.Is(MediationRefusals.PartiesDoNotMediate,
            await WithAsync<MediationService, Outcome>(s => s.TakeAsync(mediatorAgent, mediation.Value)));
        // Anyone else may.
        var voter = await Given.MemberAsync("Vic Voter");
        Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(voter, opened.DisputeId, FaultOption.RespondentAtFault))).Succeeded);
        Assert.Equal(organisation, (await Given.StoredAsync(opened.DisputeId)).RespondentOrganisationId);
    }

    [Fact]
    public async Task An_agent_the_organisation_removed_answers_for_it_no_more_and_does_not_become_a_neutral_voter_on_that_dispute()
    {
        var (organisation, owner, agent) = await BoltAsync(verified: true);
        var customer = await Given.MemberAsync("Cara Customer");
        var opened = await Given.OpenAsync(customer, Scenario.Dispute(respondentName: "Bolt Couriers Ltd"));
        Assert.True((await JoinAsync(agent, opened.DisputeId)).Succeeded);
        await Given.EditStatementAsync(agent, opened.DisputeId, "We delivered on the day promised.");
        Assert.True((await WithAsync<OrganisationService, Outcome>(s =>
            s.RemoveMemberAsync(owner, organisation, agent.UserId!))).Succeeded);
        var removed = await Given.ReadAsync(agent);

        // The one who joined for it no longer speaks, offers or settles for it...
        AssertRefusal.Is("Only the two parties post on the timeline; readers will be able to comment.",
            await WithAsync<DisputeService, Outcome>(s => s.PostReplyAsync(removed, opened.DisputeId, "We will refund you.")));
        AssertRefusal.Is(SettlementRefusals.OnlyParties, await WithAsync<OfferService, Outcome<int>>(s => s.MakeOfferAsync(removed,
            opened.DisputeId, new OfferInput { Terms = "A refund.", ExpiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(3) })));
        Assert.Null((await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(opened.DisputeId, removed)))!.ViewerRole);
        // ...nor, having answered it, votes or mediates on it as if neutral; the organisation's members still answer.
        AssertRefusal.Is(DisputeRefusals.AnsweredForRespondent, await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(removed, opened.DisputeId, FaultOption.ClaimantAtFault)));
        var comment = await Given.CommentAsync(await Given.MemberAsync("Rita Reader"), opened.DisputeId, "Bolt is always late.");
        AssertRefusal.Is(DisputeRefusals.AnsweredForRespondent,
            await WithAsync<ModerationService, Outcome>(s => s.FlagAsync(removed, ContentKind.Comment, comment, FlagReason.Spam, null)));
        Assert.Equal(PartyRole.Respondent,
            (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(opened.DisputeId, owner)))!.ViewerRole);
        var reply = await WithAsync<DisputeService, Outcome>(s => s.PostReplyAsync(owner, opened.DisputeId, "We will look into it."));
        Assert.True(reply.Succeeded, reply.Message);
        // Their public profile still lists the dispute they answered, as the respondent.
        var profile = await WithAsync<DisputeQueries, MemberProfile?>(q => q.MemberAsync(agent.UserId!, customer));
        Assert.Equal(PartyRole.Respondent, Assert.Single(profile!.Disputes).Role);
    }

    [Fact]
    public async Task An_unverified_organisation_is_answered_only_through_the_link_and_only_by_its_members()
    {
        var (_, owner, agent) = await BoltAsync(verified: false);
        var customer = await Given.MemberAsync("Cara Customer");
        var opened = await Given.OpenAsync(customer, Scenario.Dispute(respondentName: "Bolt Couriers Ltd"));
        Assert.Empty(await NotifiedAsync(opened.DisputeId)); // not delivered: nothing says these members are the company

        AssertRefusal.Is(DisputeRefusals.OrganisationNotVerified, await JoinAsync(agent, opened.DisputeId));
        Assert.Equal(opened.DisputeId, await Given.JoinAsync(owner, opened.InvitationToken));
        var view = await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(opened.DisputeId, agent));
        Assert.Equal(PartyRole.Respondent, view!.ViewerRole);
    }

    [Fact]
    public async Task A_chosen_organisation_that_no_longer_exists_is_a_clear_message_and_opens_nothing()
    {
        var customer = await Given.MemberAsync("Cara Customer");
        var input = Scenario.Dispute(respondentName: "Gone Ltd");
        input.RespondentOrganisationId = 4242;
        var outcome = await WithAsync<DisputeService, Outcome<OpenedDispute>>(s => s.OpenDisputeAsync(customer, input));
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("no longer exists", outcome.Message, StringComparison.Ordinal);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Disputes.AnyAsync());
    }

    /// <summary>Bolt Couriers Ltd, with Olga as its owner and Alex as its agent, both as the services now read them.</summary>
    private async Task<(int Id, ForumActor Owner, ForumActor Agent)> BoltAsync(bool verified)
    {
        var owner = await Given.MemberAsync("Olga Owner");
        var agent = await Given.MemberAsync("Alex Agent");
        var id = await Given.BoltAsync(owner, agent, verified);
        return (id, await Given.ReadAsync(owner), await Given.ReadAsync(agent));
    }

    private Task<Outcome> JoinAsync(ForumActor actor, int disputeId) =>
        WithAsync<DisputeService, Outcome>(s => s.JoinForOrganisationAsync(actor, disputeId));

    /// <summary>Who has been notified of the dispute's steps, once per notification.</summary>
    private async Task<List<string>> NotifiedAsync(int disputeId)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        return await db.Notifications.Where(n => n.DisputeId == disputeId).Select(n => n.RecipientId).ToListAsync();
    }
}
