using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>The invitation link the other party joins by: issued, reissued, revoked, inspected and accepted.</summary>
public sealed partial class DisputeService
{
    /// <summary>Revokes any live link and issues a new one, shown once to the claimant (and mailed if an address was given).</summary>
    /// <param name="sendTo">
    /// Where the new link goes: null keeps the address the last one was sent to; an address replaces it (the other party
    /// uses another one), and only the account with that address may accept; empty sends it nowhere and lets whoever holds
    /// the link accept it.
    /// </param>
    public async Task<Outcome<string>> ReissueInvitationAsync(ForumActor actor, int disputeId, string? sendTo = null,
        CancellationToken ct = default)
    {
        if (sendTo is not null
            && Inputs.Problem(new InvitationInput { SendTo = string.IsNullOrWhiteSpace(sendTo) ? null : sendTo.Trim() }) is { } problem)
            return Outcome.Invalid(problem).As<string>();

        string token;
        Dispute dispute;
        await using (var write = await writer.BeginAsync(actor, disputeId, ct))
        {
            if (!write.Found) return DisputeWrite.NotFound.As<string>();
            if (guardian.CanManageInvitation(write.Actor, write.Dispute) is { Allowed: false } no) return no.AsOutcome().As<string>();
            if (await limiter.CheckAndRecordAsync(write.Db, write.Actor.UserId!, WriteAction.Invitation, write.Now, ct)
                is { Allowed: false } slow)
                return slow.AsOutcome().As<string>();
            dispute = write.Dispute;
            if (sendTo is not null) dispute.RespondentEmail = string.IsNullOrWhiteSpace(sendTo) ? null : sendTo.Trim();
            await RevokeLiveInvitationsAsync(write, ct);
            token = await IssueInvitationAsync(write.Db, dispute, write.Actor, write.Now, ct);
            if (await write.CommitAsync(DisputeChanges.Timeline) is { Succeeded: false } failed) return failed.As<string>();
        }
        await invitationMailer.TrySendAsync(dispute, actor.DisplayName, token, ct);
        return token;
    }

    public async Task<Outcome> RevokeInvitationAsync(ForumActor actor, int disputeId, CancellationToken ct = default)
    {
        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        if (guardian.CanManageInvitation(write.Actor, write.Dispute) is { Allowed: false } no) return no.AsOutcome();
        if (!await RevokeLiveInvitationsAsync(write, ct)) return Outcome.Refused(DisputeRefusals.NoLiveInvitation);
        return await write.CommitAsync(DisputeChanges.Timeline);
    }

    /// <summary>What a person opening an invitation link sees before accepting.</summary>
    public async Task<Outcome<InvitationPreview>> InspectInvitationAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await FindInvitationAsync(db, token, ct);
        if (found.Value is not { } invitation) return found.As<InvitationPreview>();
        var dispute = (await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == invitation.DisputeId, ct)).AsOf(Now, Options.VotingWindow);
        if (dispute.Status != DisputeStatus.AwaitingResponse)
            return Outcome.Refused("This dispute is no longer waiting for the other party, so the link no longer works.")
                .As<InvitationPreview>();
        var claimant = await db.Users.Where(u => u.Id == dispute.ClaimantId).Select(u => u.DisplayName).SingleAsync(ct);
        return new InvitationPreview(dispute.Id, dispute.Title, dispute.Summary, claimant, dispute.RespondentName, invitation.ExpiresAt,
            dispute.RespondentEmail is { } sentTo ? ForumGuardian.MaskedEmail(sentTo) : null);
    }

    public async Task<Outcome<int>> AcceptInvitationAsync(ForumActor actor, string token, CancellationToken ct = default)
    {
        Outcome<Invitation> found;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            found = await FindInvitationAsync(db, token, ct);
        }
        if (found.Value is not { } invitation) return found.As<int>();

        await using var write = await writer.BeginAsync(actor, invitation.DisputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound.As<int>();
        var (dispute, me, now) = (write.Dispute, write.Actor, write.Now);
        var email = await write.Db.Users.Where(u => u.Id == me.UserId && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (guardian.CanAcceptInvitation(me, dispute, email) is { Allowed: false } no) return no.AsOutcome().As<int>();
        // Read again under the dispute's lock: a second accept of the same link waits here and finds it used.
        var live = await write.Db.Invitations.SingleAsync(i => i.Id == invitation.Id, ct);
        if (!live.IsUsable(now)) return Outcome.Refused(DisputeRefusals.InvitationNoLongerUsable).As<int>();
        (live.AcceptedAt, live.AcceptedById) = (now, me.UserId);
        var committed = await JoinAsync(write, "accepted the invitation and joined", ct);
        return committed.Succeeded ? invitation.DisputeId : committed.As<int>();
    }

    /// <summary>
    /// A member of the verified organisation a dispute is against answers it for the organisation, no link needed; from then
    /// on every member of it acts as the respondent.
    /// </summary>
    public async Task<Outcome> JoinForOrganisationAsync(ForumActor actor, int disputeId, CancellationToken ct = default)
    {
        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        var verified = await write.Db.Organisations.AnyAsync(o => o.Id == write.Dispute.RespondentOrganisationId
            && o.Verification != Organisations.OrganisationVerification.None, ct);
        if (guardian.CanJoinForOrganisation(write.Actor, write.Dispute, verified) is { Allowed: false } no) return no.AsOutcome();
        // Whoever joins first answers: a second member's click waits for this lock and finds the dispute answered.
        return await JoinAsync(write, $"joined for {write.Dispute.RespondentName}", ct);
    }

    /// <summary>The actor becomes the respondent; joining is not yet answering.</summary>
    private async Task<Outcome> JoinAsync(DisputeWrite write, string how, CancellationToken ct)
    {
        var (dispute, me, now) = (write.Dispute, write.Actor, write.Now);
        // Comments and votes wait for the respondent's statement, or for the response deadline.
        dispute.RespondentId = me.UserId;
        Touch(dispute, now);
        await timeline.AppendAsync(write.Db, dispute.Id, now, me, TimelineKind.RespondentJoined,
            $"{me.DisplayName} {how} as the respondent. Comments and votes open when their "
            + $"statement is posted, or at the response deadline ({TimeText.Exact(dispute.ResponseDeadline)}) without it.", ct: ct);
        return await write.CommitAsync(DisputeChanges.All);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private async Task<string> IssueInvitationAsync(ForumDbContext db, Dispute dispute, ForumActor actor, DateTime now,
        CancellationToken ct)
    {
        var token = Invitation.NewToken();
        // A link is no use once the dispute stops waiting, so it never outlives the response deadline.
        var expires = Min(now + Options.InvitationLifetime, dispute.ResponseDeadline);
        db.Invitations.Add(new Invitation
        {
            DisputeId = dispute.Id, TokenHash = Invitation.HashOf(token), CreatedAt = now, ExpiresAt = expires,
        });
        await timeline.AppendAsync(db, dispute.Id, now, actor, TimelineKind.InvitationIssued,
            $"{actor.DisplayName} issued an invitation link for {dispute.RespondentName}, valid until {TimeText.Exact(expires)}.", ct: ct);
        return token;
    }

    private async Task<bool> RevokeLiveInvitationsAsync(DisputeWrite write, CancellationToken ct, bool log = true)
    {
        var live = await write.Db.Invitations.Where(i => i.DisputeId == write.Dispute.Id).Where(Invitation.LiveAt(write.Now))
            .ToListAsync(ct);
        foreach (var invitation in live) invitation.RevokedAt = write.Now;
        if (live.Count > 0 && log)
        {
            await timeline.AppendAsync(write.Db, write.Dispute.Id, write.Now, write.Actor, TimelineKind.InvitationRevoked,
                $"{write.Actor.DisplayName} revoked the invitation link.", ct: ct);
        }
        return live.Count > 0;
    }

    private async Task<Outcome<Invitation>> FindInvitationAsync(ForumDbContext db, string token, CancellationToken ct)
    {
        var invitation = string.IsNullOrWhiteSpace(token) || token.Length > 100
            ? null
            : await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == Invitation.HashOf(token), ct);
        var now = Now;
        return invitation switch
        {
            null => Outcome.NotFound("This invitation link is not valid. Check that you copied all of it, or ask for a new one.")
                .As<Invitation>(),
            { AcceptedAt: not null } => Outcome.Refused(DisputeRefusals.InvitationUsed).As<Invitation>(),
            { RevokedAt: not null } =>
                Outcome.Refused("This invitation link was revoked by the party who opened the dispute. Ask them for a new one.")
                    .As<Invitation>(),
            _ when invitation.ExpiresAt <= now =>
                Outcome.Refused("This invitation link has expired. Ask the party who opened the dispute for a new one.").As<Invitation>(),
            _ => invitation,
        };
    }
}

