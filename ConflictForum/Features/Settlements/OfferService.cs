using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// The parties' settlement offers: made, countered, declined, accepted. Accepting the other party's live offer settles the
/// dispute on its terms. Every step is on the dispute's timeline, in the step's own transaction.
/// </summary>
public sealed class OfferService(
    DisputeWriter writer,
    ForumGuardian guardian,
    TimelineWriter timeline,
    MarkdownRenderer markdown,
    WriteLimiter limiter,
    TermsValidator terms)
{
    /// <summary>
    /// A new offer from the acting party. <paramref name="counters"/>: the other party's live offer it answers (which it
    /// supersedes); <paramref name="adopting"/>: a community resolution on the dispute whose text becomes the terms. The
    /// party's own earlier live offer is replaced.
    /// </summary>
    /// <returns>The new offer's id.</returns>
    public async Task<Outcome<int>> MakeOfferAsync(ForumActor actor, int disputeId, OfferInput input, int? counters = null,
        int? adopting = null, CancellationToken ct = default)
    {
        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound.As<int>();
        var (db, dispute, me, now) = (write.Db, write.Dispute, write.Actor, write.Now);
        if (guardian.CanMakeOffer(me, dispute) is { Allowed: false } no) return no.AsOutcome().As<int>();
        if (adopting is { } resolutionId)
        {
            var adopted = await db.Resolutions.AsNoTracking()
                .SingleOrDefaultAsync(r => r.Id == resolutionId && r.DisputeId == disputeId, ct);
            if (adopted is null) return Outcome.Invalid(SettlementRefusals.ResolutionMissing).As<int>();
            if (await db.ModeratedItems.IsHiddenAsync(ContentKind.Resolution, resolutionId, ct))
                return Outcome.Refused(DeliberationRefusals.ResolutionHidden).As<int>();
            input.Terms = adopted.Source;
        }
        var checkedTerms = terms.Check(input, dispute, now);
        if (checkedTerms.Problem is { } problem) return Outcome.Invalid(problem).As<int>();
        var answered = counters is { } counteredId
            ? await db.Offers.SingleOrDefaultAsync(o => o.Id == counteredId && o.DisputeId == disputeId, ct)
            : null;
        if (counters is not null && answered is null) return Outcome.NotFound(SettlementRefusals.OfferMissing).As<int>();
        if (answered is not null && guardian.CanAnswerOffer(me, dispute, answered) is { Allowed: false } cannot)
            return cannot.AsOutcome().As<int>();
        if (await limiter.CheckAndRecordAsync(db, me.UserId!, WriteAction.Resolution, now, ct) is { Allowed: false } slow)
            return slow.AsOutcome().As<int>();

        var role = dispute.RoleOf(me)!.Value;
        var ownLive = db.Offers.Where(o => o.DisputeId == disputeId && o.Role == role && o.Status == OfferStatus.Live);
        foreach (var own in await ownLive.ToListAsync(ct))
            (own.Status, own.AnsweredAt) = (OfferStatus.Replaced, now);
        if (answered is not null) (answered.Status, answered.AnsweredAt) = (OfferStatus.Countered, now);
        var agreed = checkedTerms.Terms!;
        var offer = new Offer
        {
            DisputeId = disputeId, Role = role, AuthorId = me.UserId!, Source = agreed.Source, Html = agreed.Html, Amount = agreed.Amount,
            Currency = agreed.Currency, CarryOutBy = agreed.CarryOutBy, CreatedAt = now, ExpiresAt = input.ExpiresAt!.Value,
            Status = OfferStatus.Live, CountersId = answered?.Id, ResolutionId = adopting,
        };
        db.Offers.Add(offer);
        if (await write.SaveAsync() is { Succeeded: false } unsaved) return unsaved.As<int>();
        var what = answered is not null ? "countered with an offer"
            : adopting is not null ? "adopted a proposed resolution as an offer"
            : "made an offer";
        await timeline.AppendAsync(db, disputeId, now, me, TimelineKind.OfferMade,
            $"{me.DisplayName} ({PartyRoles.Name(role)}) {what} to settle{Details(agreed)}, open until {TimeText.Exact(offer.ExpiresAt)}.",
            reference: $"offer:{offer.Id}", contentHash: agreed.Hash, ct: ct);
        var committed = await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
        return committed.Succeeded ? offer.Id : committed.As<int>();
    }

    /// <summary>The other party accepts a live offer: the dispute settles on its terms, binding on both.</summary>
    public async Task<Outcome> AcceptOfferAsync(ForumActor actor, int offerId, CancellationToken ct = default)
    {
        var (write, offer, refused) = await BeginAnswerAsync(actor, offerId, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, dispute, me, now, disputeId) = (write!.Db, write.Dispute, write.Actor, write.Now, write.Dispute.Id);

        (offer!.Status, offer.AnsweredAt) = (OfferStatus.Accepted, now);
        foreach (var other in await db.Offers.Where(o => o.DisputeId == disputeId && o.Status == OfferStatus.Live && o.Id != offerId)
            .ToListAsync(ct))
            (other.Status, other.AnsweredAt) = (OfferStatus.Closed, now);
        var makerAccepted = offer.CreatedAt;
        var settlement = new Settlement
        {
            Source = offer.Source, Html = offer.Html, Amount = offer.Amount, Currency = offer.Currency, CarryOutBy = offer.CarryOutBy,
            ClaimantAcceptedAt = offer.Role == PartyRole.Claimant ? makerAccepted : now,
            RespondentAcceptedAt = offer.Role == PartyRole.Respondent ? makerAccepted : now,
            OfferId = offer.Id, ResolutionId = offer.ResolutionId,
        };
        var role = dispute.RoleOf(me)!.Value;
        await timeline.AppendAsync(db, disputeId, now, me, TimelineKind.OfferAnswered,
            $"{me.DisplayName} ({PartyRoles.Name(role)}) accepted the {PartyRoles.Name(offer.Role)}'s offer.",
            reference: $"offer:{offer.Id}", ct: ct);
        await write.SettleAsync(settlement,
            $"Settled: both parties agreed the {PartyRoles.Name(offer.Role)}'s offer{Details(offer.Terms)}. "
            + "Voting is closed; discussion goes on.");
        return await write.CommitAsync(DisputeChanges.All);
    }

    /// <summary>The other party declines a live offer, with an optional reason shown with it.</summary>
    public async Task<Outcome> DeclineOfferAsync(ForumActor actor, int offerId, OfferAnswerInput answer, CancellationToken ct = default)
    {
        answer.Reason = string.IsNullOrWhiteSpace(answer.Reason) ? null : answer.Reason.Trim();
        if (Inputs.Problem(answer) is { } problem) return Outcome.Invalid(problem);
        var (write, offer, refused) = await BeginAnswerAsync(actor, offerId, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, dispute, me, now, disputeId) = (write!.Db, write.Dispute, write.Actor, write.Now, write.Dispute.Id);
        if (await limiter.CheckAndRecordAsync(db, me.UserId!, WriteAction.Answer, now, ct) is { Allowed: false } slow)
            return slow.AsOutcome();

        (offer!.Status, offer.AnsweredAt, offer.DeclineReason) = (OfferStatus.Declined, now, answer.Reason);
        var role = dispute.RoleOf(me)!.Value;
        await timeline.AppendAsync(db, disputeId, now, me, TimelineKind.OfferAnswered,
            $"{me.DisplayName} ({PartyRoles.Name(role)}) declined the {PartyRoles.Name(offer.Role)}'s offer.",
            reference: $"offer:{offer.Id}",
            body: answer.Reason is { } reason ? MarkdownText.Escape(reason) : null,
            bodyHtml: answer.Reason is { } said ? markdown.Render(MarkdownText.Escape(said)).Html : null, ct: ct);
        return await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
    }

    private Task<(DisputeWrite? Write, Offer? Offer, Outcome? Refused)> BeginAnswerAsync(ForumActor actor, int offerId,
        CancellationToken ct) =>
        writer.BeginOnAsync(actor, db => db.Offers.Where(o => o.Id == offerId), o => o.DisputeId,
            Outcome.NotFound(SettlementRefusals.OfferMissing), guardian.CanAnswerOffer, ct);

    private static string Details(SettlementTerms terms) => terms.Summary is { } summary ? $" ({summary})" : "";
}
