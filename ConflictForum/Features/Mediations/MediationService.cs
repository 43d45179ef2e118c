using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Mediations;

/// <summary>
/// Mediation on a dispute: a party asks, the other agrees, a neutral mediator takes it from the queue, writes notes, puts
/// forward terms (<see cref="MediationService"/>'s proposal half) and closes it with a summary; either party can end it.
/// Every step is on the dispute's timeline, in the step's own transaction.
/// </summary>
public sealed partial class MediationService(
    DisputeWriter writer,
    ForumGuardian guardian,
    TimelineWriter timeline,
    MarkdownRenderer markdown,
    WriteLimiter limiter,
    TermsValidator terms)
{
    /// <summary>A party asks for a mediator; the other party is asked to agree.</summary>
    /// <returns>The new request's id.</returns>
    public async Task<Outcome<int>> RequestAsync(ForumActor actor, int disputeId, CancellationToken ct = default)
    {
        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound.As<int>();
        var (db, dispute, me, now) = (write.Db, write.Dispute, write.Actor, write.Now);
        var open = await db.Mediations.Where(m => m.DisputeId == disputeId).Where(Mediation.Open).FirstOrDefaultAsync(ct);
        if (guardian.CanRequestMediation(me, dispute, open) is { Allowed: false } no) return no.AsOutcome().As<int>();
        if (await limiter.CheckAndRecordAsync(db, me.UserId!, WriteAction.Answer, now, ct) is { Allowed: false } slow)
            return slow.AsOutcome().As<int>();

        var role = dispute.RoleOf(me)!.Value;
        var mediation = new Mediation { DisputeId = disputeId, RequestedBy = role, RequestedAt = now, Status = MediationStatus.Requested };
        db.Mediations.Add(mediation);
        if (await write.SaveAsync() is { Succeeded: false } unsaved) return unsaved.As<int>();
        await timeline.AppendAsync(db, disputeId, now, me, TimelineKind.MediationRequested,
            $"{me.DisplayName} ({PartyRoles.Name(role)}) asked for a neutral mediator; the {PartyRoles.Name(PartyRoles.Other(role))} "
            + "is asked to agree.", reference: Reference(mediation), ct: ct);
        var committed = await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
        return committed.Succeeded ? mediation.Id : committed.As<int>();
    }

    /// <summary>The other party agrees (the request joins the mediators' queue) or declines.</summary>
    public async Task<Outcome> AnswerRequestAsync(ForumActor actor, int mediationId, bool agree, CancellationToken ct = default)
    {
        var (write, mediation, refused) = await BeginAsync(actor, mediationId, guardian.CanAnswerMediationRequest, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, me, now) = (write!.Db, write.Actor, write.Now);

        (mediation!.Status, mediation.AnsweredAt) = (agree ? MediationStatus.Queued : MediationStatus.Declined, now);
        if (!agree) mediation.EndedAt = now;
        var role = write.Dispute.RoleOf(me)!.Value;
        await timeline.AppendAsync(db, write.Dispute.Id, now, me, TimelineKind.MediationAnswered, agree
                ? $"{me.DisplayName} ({PartyRoles.Name(role)}) agreed to mediation: it waits for a mediator to take it."
                : $"{me.DisplayName} ({PartyRoles.Name(role)}) declined mediation.",
            reference: Reference(mediation), ct: ct);
        return await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
    }

    /// <summary>
    /// A mediator takes a queued mediation: never a party, never someone who voted, commented, proposed a resolution or
    /// flagged on the dispute; from then on they do not vote on it.
    /// </summary>
    public async Task<Outcome> TakeAsync(ForumActor actor, int mediationId, CancellationToken ct = default)
    {
        var (write, mediation, refused) = await BeginAsync(actor, mediationId, (me, dispute, m) => Decision.Granted, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, dispute, me, now) = (write!.Db, write.Dispute, write.Actor, write.Now);
        var tookPart = me.UserId is { } id && await TookPartAsync(db, dispute.Id, id, ct);
        if (guardian.CanTakeMediation(me, dispute, mediation!, tookPart) is { Allowed: false } no) return no.AsOutcome();

        (mediation!.Status, mediation.MediatorId, mediation.TakenAt) = (MediationStatus.Active, me.UserId, now);
        dispute.MediatorId = me.UserId;
        await timeline.AppendAsync(db, dispute.Id, now, me, TimelineKind.MediationTaken,
            $"{me.DisplayName} took the mediation as a neutral mediator.", reference: Reference(mediation), ct: ct);
        // Tally and Resolutions too: the mediator's open page still offers the vote and stances they may no longer take.
        return await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline | DisputeChanges.Tally | DisputeChanges.Resolutions);
    }

    /// <summary>The mediator writes to both parties, in public; flaggable and hideable like any reply.</summary>
    public async Task<Outcome> PostNoteAsync(ForumActor actor, int mediationId, MediatorTextInput input, CancellationToken ct = default)
    {
        input.Text = input.Text?.Trim() ?? "";
        var rendered = markdown.Accept(input, input.Text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);
        var (write, mediation, refused) = await BeginAsync(actor, mediationId, guardian.CanMediate, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, me, now) = (write!.Db, write.Actor, write.Now);
        if (await limiter.CheckAndRecordAsync(db, me.UserId!, WriteAction.Reply, now, ct) is { Allowed: false } slow)
            return slow.AsOutcome();

        await timeline.AppendAsync(db, write.Dispute.Id, now, me, TimelineKind.MediatorNote,
            $"{me.DisplayName} (mediator) wrote to both parties.", reference: Reference(mediation!),
            body: input.Text, bodyHtml: rendered.Html, ct: ct);
        return await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
    }

    /// <summary>The mediator closes the mediation with a short public summary.</summary>
    public async Task<Outcome> CloseAsync(ForumActor actor, int mediationId, MediatorTextInput summary, CancellationToken ct = default)
    {
        summary.Text = summary.Text?.Trim() ?? "";
        var rendered = markdown.Accept(summary, summary.Text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);
        var (write, mediation, refused) = await BeginAsync(actor, mediationId, guardian.CanMediate, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, me, now) = (write!.Db, write.Actor, write.Now);

        (mediation!.Summary, mediation.SummaryHtml) = (summary.Text, rendered.Html);
        await EndAsync(db, mediation, MediationStatus.Closed, now, ct);
        await timeline.AppendAsync(db, write.Dispute.Id, now, me, TimelineKind.MediationEnded,
            $"{me.DisplayName} (mediator) closed the mediation with this summary.", reference: Reference(mediation),
            body: summary.Text, bodyHtml: rendered.Html, ct: ct);
        return await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
    }

    /// <summary>Either party ends the mediation: a request, a queued one or one under way.</summary>
    public async Task<Outcome> EndAsync(ForumActor actor, int mediationId, CancellationToken ct = default)
    {
        var (write, mediation, refused) = await BeginAsync(actor, mediationId, guardian.CanEndMediation, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, me, now) = (write!.Db, write.Actor, write.Now);

        var role = write.Dispute.RoleOf(me)!.Value;
        var what = mediation!.Status == MediationStatus.Active ? "ended the mediation" : "withdrew the request for a mediator";
        await EndAsync(db, mediation, MediationStatus.Ended, now, ct);
        await timeline.AppendAsync(db, write.Dispute.Id, now, me, TimelineKind.MediationEnded,
            $"{me.DisplayName} ({PartyRoles.Name(role)}) {what}.", reference: Reference(mediation), ct: ct);
        return await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
    }

    /// <summary>Ends <paramref name="mediation"/> as <paramref name="status"/>, closing its live proposal.</summary>
    internal static async Task EndAsync(ForumDbContext db, Mediation mediation, MediationStatus status, DateTime now,
        CancellationToken ct)
    {
        (mediation.Status, mediation.EndedAt) = (status, now);
        foreach (var live in await db.MediatorProposals
            .Where(p => p.MediationId == mediation.Id && p.Status == OfferStatus.Live).ToListAsync(ct))
            (live.Status, live.AnsweredAt) = (OfferStatus.Closed, now);
    }

    /// <summary>Whether the member voted, took a stance on a resolution, proposed one, commented or flagged on the dispute.</summary>
    internal static async Task<bool> TookPartAsync(ForumDbContext db, int disputeId, string userId, CancellationToken ct) =>
        await db.FaultVotes.AnyAsync(v => v.DisputeId == disputeId && v.VoterId == userId, ct)
        || await db.Comments.AnyAsync(c => c.DisputeId == disputeId && c.AuthorId == userId, ct)
        || await db.Resolutions.AnyAsync(r => r.DisputeId == disputeId && r.ProposerId == userId, ct)
        || await db.Stances.AnyAsync(s => s.VoterId == userId
            && db.Resolutions.Any(r => r.Id == s.ResolutionId && r.DisputeId == disputeId), ct)
        || await db.Flags.AnyAsync(f => f.DisputeId == disputeId && f.FlaggerId == userId, ct);

    private static string Reference(Mediation mediation) => $"mediation:{mediation.Id}";

    /// <summary>Opens the write on the mediation's dispute and asks <paramref name="rule"/> on the mediation as it stands.</summary>
    private Task<(DisputeWrite? Write, Mediation? Mediation, Outcome? Refused)> BeginAsync(ForumActor actor, int mediationId,
        Func<ForumActor, Dispute, Mediation, Decision> rule, CancellationToken ct) =>
        writer.BeginOnAsync(actor, db => db.Mediations.Where(m => m.Id == mediationId), m => m.DisputeId,
            Outcome.NotFound(MediationRefusals.Missing), rule, ct);
}
