using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Mediations;

public sealed partial class MediationService
{
    /// <summary>The mediator puts forward terms to both parties, replacing their live proposal if any.</summary>
    /// <returns>The new proposal's id.</returns>
    public async Task<Outcome<int>> ProposeAsync(ForumActor actor, int mediationId, OfferInput input, CancellationToken ct = default)
    {
        var (write, mediation, refused) = await BeginAsync(actor, mediationId, guardian.CanMediate, ct);
        await using var _ = write;
        if (refused is not null) return refused.As<int>();
        var (db, dispute, me, now) = (write!.Db, write.Dispute, write.Actor, write.Now);
        var checkedTerms = terms.Check(input, dispute, now);
        if (checkedTerms.Problem is { } problem) return Outcome.Invalid(problem).As<int>();
        if (await limiter.CheckAndRecordAsync(db, me.UserId!, WriteAction.Resolution, now, ct) is { Allowed: false } slow)
            return slow.AsOutcome().As<int>();

        foreach (var live in await db.MediatorProposals
            .Where(p => p.MediationId == mediationId && p.Status == OfferStatus.Live).ToListAsync(ct))
            (live.Status, live.AnsweredAt) = (OfferStatus.Replaced, now);
        var agreed = checkedTerms.Terms!;
        var proposal = new MediatorProposal
        {
            MediationId = mediationId, DisputeId = dispute.Id, MediatorId = me.UserId!, Source = agreed.Source, Html = agreed.Html,
            Amount = agreed.Amount, Currency = agreed.Currency, CarryOutBy = agreed.CarryOutBy, CreatedAt = now,
            ExpiresAt = input.ExpiresAt!.Value, Status = OfferStatus.Live,
        };
        db.MediatorProposals.Add(proposal);
        if (await write.SaveAsync() is { Succeeded: false } unsaved) return unsaved.As<int>();
        await timeline.AppendAsync(db, dispute.Id, now, me, TimelineKind.MediatorProposed,
            $"{me.DisplayName} (mediator) proposed terms to settle{Details(agreed)}, open until {TimeText.Exact(proposal.ExpiresAt)}; "
            + "each party accepts or declines.", reference: ProposalReference(proposal), contentHash: agreed.Hash, ct: ct);
        var committed = await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
        return committed.Succeeded ? proposal.Id : committed.As<int>();
    }

    /// <summary>
    /// A party accepts the mediator's live proposal: binding once the other party has accepted it too, when the dispute settles
    /// on its terms.
    /// </summary>
    public async Task<Outcome> AcceptProposalAsync(ForumActor actor, int proposalId, CancellationToken ct = default)
    {
        var (write, proposal, refused) = await BeginAnswerAsync(actor, proposalId, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, dispute, me, now) = (write!.Db, write.Dispute, write.Actor, write.Now);

        var role = dispute.RoleOf(me)!.Value;
        if (role == PartyRole.Claimant) proposal!.ClaimantAcceptedAt = now;
        else proposal!.RespondentAcceptedAt = now;
        var settles = proposal.ClaimantAcceptedAt is not null && proposal.RespondentAcceptedAt is not null;
        await timeline.AppendAsync(db, dispute.Id, now, me, TimelineKind.MediatorProposalAnswered, settles
                ? $"{me.DisplayName} ({PartyRoles.Name(role)}) accepted the mediator's proposal, which the "
                    + $"{PartyRoles.Name(PartyRoles.Other(role))} had accepted."
                : $"{me.DisplayName} ({PartyRoles.Name(role)}) accepted the mediator's proposal; it binds once the "
                    + $"{PartyRoles.Name(PartyRoles.Other(role))} accepts it too.",
            reference: ProposalReference(proposal), ct: ct);
        if (!settles) return await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);

        (proposal.Status, proposal.AnsweredAt) = (OfferStatus.Accepted, now);
        foreach (var offer in await db.Offers.Where(o => o.DisputeId == dispute.Id && o.Status == OfferStatus.Live).ToListAsync(ct))
            (offer.Status, offer.AnsweredAt) = (OfferStatus.Closed, now);
        await write.SettleAsync(new Settlement
        {
            Source = proposal.Source, Html = proposal.Html, Amount = proposal.Amount, Currency = proposal.Currency,
            CarryOutBy = proposal.CarryOutBy, ClaimantAcceptedAt = proposal.ClaimantAcceptedAt!.Value,
            RespondentAcceptedAt = proposal.RespondentAcceptedAt!.Value, ProposalId = proposal.Id,
        },
            $"Settled: both parties accepted the mediator's proposal{Details(proposal.Terms)}. Voting is closed; discussion goes on.");
        return await write.CommitAsync(DisputeChanges.All);
    }

    /// <summary>A party declines the mediator's live proposal, with an optional reason shown with it.</summary>
    public async Task<Outcome> DeclineProposalAsync(ForumActor actor, int proposalId, OfferAnswerInput answer,
        CancellationToken ct = default)
    {
        answer.Reason = string.IsNullOrWhiteSpace(answer.Reason) ? null : answer.Reason.Trim();
        if (Inputs.Problem(answer) is { } problem) return Outcome.Invalid(problem);
        var (write, proposal, refused) = await BeginAnswerAsync(actor, proposalId, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, dispute, me, now) = (write!.Db, write.Dispute, write.Actor, write.Now);

        var role = dispute.RoleOf(me)!.Value;
        (proposal!.Status, proposal.AnsweredAt, proposal.DeclinedBy, proposal.DeclineReason) =
            (OfferStatus.Declined, now, role, answer.Reason);
        await timeline.AppendAsync(db, dispute.Id, now, me, TimelineKind.MediatorProposalAnswered,
            $"{me.DisplayName} ({PartyRoles.Name(role)}) declined the mediator's proposal.", reference: ProposalReference(proposal),
            body: answer.Reason is { } reason ? MarkdownText.Escape(reason) : null,
            bodyHtml: answer.Reason is { } said ? markdown.Render(MarkdownText.Escape(said)).Html : null, ct: ct);
        return await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
    }

    private Task<(DisputeWrite? Write, MediatorProposal? Proposal, Outcome? Refused)> BeginAnswerAsync(ForumActor actor,
        int proposalId, CancellationToken ct) =>
        writer.BeginOnAsync(actor, db => db.MediatorProposals.Where(p => p.Id == proposalId), p => p.DisputeId,
            Outcome.NotFound(MediationRefusals.ProposalMissing), guardian.CanAnswerProposal, ct);

    internal static string ProposalReference(MediatorProposal proposal) => $"proposal:{proposal.Id}";

    private static string Details(SettlementTerms terms) => terms.Summary is { } summary ? $" ({summary})" : "";
}
