using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>What a claimant gets back on opening a dispute: its id and the invitation token, shown once.</summary>
/// <param name="Mailed">Whether the invitation e-mail went out (false when no address was given or delivery failed).</param>
public sealed record OpenedDispute(int DisputeId, string InvitationToken, bool Mailed);

/// <summary>Every write on a dispute: checked by the guardian, one transaction with its timeline entry.</summary>
public sealed class DisputeService(
    IDbContextFactory<ForumDbContext> dbFactory,
    DisputeWriter writer,
    TimelineWriter timeline,
    MarkdownRenderer markdown,
    InvitationMailer invitationMailer,
    WriteLimiter limiter,
    IOptions<DisputeOptions> options,
    TimeProvider clock)
{
    private DisputeOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<OpenedDispute>> OpenDisputeAsync(ForumActor actor, OpenDisputeInput input, CancellationToken ct = default)
    {
        if (ForumGuardian.CanOpenDispute(actor) is { Allowed: false } no) return no.AsOutcome().As<OpenedDispute>();
        input = input.Trimmed();
        var statement = markdown.Accept(input, input.Statement);
        if (statement.Problem is not null) return Outcome.Invalid(statement.Problem).As<OpenedDispute>();

        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        actor = await Accounts.ForumActors.ReadAsync(db, actor, now, ct); // standing as of now (a suspension counts at once)
        if (ForumGuardian.CanOpenDispute(actor) is { Allowed: false } refused) return refused.AsOutcome().As<OpenedDispute>();
        if (await limiter.CheckAndRecordAsync(db, actor.UserId!, WriteAction.Dispute, now, ct) is { Allowed: false } slow)
            return slow.AsOutcome().As<OpenedDispute>();
        var dispute = new Dispute
        {
            Title = input.Title,
            Summary = input.Summary,
            Category = input.Category,
            Status = DisputeStatus.AwaitingResponse,
            ClaimantId = actor.UserId!,
            RespondentName = input.RespondentName,
            RespondentEmail = input.RespondentEmail,
            CreatedAt = now,
            ResponseDeadline = now + Options.ResponseWindow,
            LastActivityAt = now,
            ActivityCount = 1,
        };
        db.Disputes.Add(dispute);
        await db.SaveChangesAsync(ct);

        await timeline.AppendAsync(db, dispute.Id, Now, actor, TimelineKind.DisputeOpened,
            $"{actor.DisplayName} opened the dispute against {dispute.RespondentName}.", ct: ct);
        var revision = AddStatement(db, dispute, PartyRole.Claimant, actor, input.Statement, statement.Html, now);
        await db.SaveChangesAsync(ct);
        await AppendStatementEntryAsync(db, dispute, actor, PartyRole.Claimant, revision, ct);
        var token = await IssueInvitationAsync(db, dispute, actor, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var mailed = await invitationMailer.TrySendAsync(dispute, actor.DisplayName, token, ct);
        return new OpenedDispute(dispute.Id, token, mailed);
    }

    /// <summary>Revokes any live link and issues a new one, shown once to the claimant (and mailed if an address was given).</summary>
    /// <param name="sendTo">
    /// Where the new link goes: null keeps the address the last one was sent to; an address replaces it (the other party
    /// uses another one), and only the account with that address may accept; empty sends it nowhere and lets whoever holds
    /// the link accept it.
    /// </param>
    public async Task<Outcome<string>> ReissueInvitationAsync(ForumActor actor, int disputeId, string? sendTo = null, CancellationToken ct = default)
    {
        if (sendTo is not null && Inputs.Problem(new InvitationInput { SendTo = string.IsNullOrWhiteSpace(sendTo) ? null : sendTo.Trim() }) is { } problem) return Outcome.Invalid(problem).As<string>();
        string? token = null;
        Dispute? mailed = null;
        var outcome = await WriteAsync(actor, disputeId, ForumGuardian.CanManageInvitation, async (db, dispute) =>
        {
            if (await limiter.CheckAndRecordAsync(db, actor.UserId!, WriteAction.Invitation, Now, ct) is { Allowed: false } slow) return slow.AsOutcome();
            if (sendTo is not null) dispute.RespondentEmail = string.IsNullOrWhiteSpace(sendTo) ? null : sendTo.Trim();
            await RevokeLiveInvitationsAsync(db, dispute, actor, ct);
            token = await IssueInvitationAsync(db, dispute, actor, ct);
            mailed = dispute;
            return Outcome.Ok;
        }, DisputeChanges.Timeline, ct);
        if (!outcome.Succeeded) return outcome.As<string>();
        await invitationMailer.TrySendAsync(mailed!, actor.DisplayName, token!, ct);
        return token!;
    }

    public Task<Outcome> RevokeInvitationAsync(ForumActor actor, int disputeId, CancellationToken ct = default) =>
        WriteAsync(actor, disputeId, ForumGuardian.CanManageInvitation, async (db, dispute) =>
            await RevokeLiveInvitationsAsync(db, dispute, actor, ct) ? Outcome.Ok : Outcome.Refused("There is no live invitation link to revoke."),
            DisputeChanges.Timeline, ct);

    /// <summary>What a person opening an invitation link sees before accepting.</summary>
    public async Task<Outcome<InvitationPreview>> InspectInvitationAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await FindInvitationAsync(db, token, ct);
        if (found.Value is not { } invitation) return found.As<InvitationPreview>();
        var dispute = (await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == invitation.DisputeId, ct)).AsOf(Now, Options.VotingWindow);
        if (dispute.Status != DisputeStatus.AwaitingResponse)
            return Outcome.Refused("This dispute is no longer waiting for the other party, so the link no longer works.").As<InvitationPreview>();
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
        var outcome = await writer.WriteAsync(actor, invitation.DisputeId, clock, async (tx, current, dispute) =>
        {
            var email = await tx.Users.Where(u => u.Id == current.UserId && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(ct);
            if (ForumGuardian.CanAcceptInvitation(current, dispute, email) is { Allowed: false } no) return no.AsOutcome();
            // Read again under the dispute's lock: a second accept of the same link waits here and finds it used.
            var live = await tx.Invitations.SingleAsync(i => i.Id == invitation.Id, ct);
            if (!live.IsUsable(Now)) return Outcome.Refused("This invitation link has already been used, revoked or has expired.");
            live.AcceptedAt = Now;
            live.AcceptedById = actor.UserId;
            dispute.RespondentId = actor.UserId;
            dispute.Status = DisputeStatus.Open;
            dispute.OpenedAt = Now;
            dispute.VotingClosesAt = Now + Options.VotingWindow;
            Touch(dispute);
            await timeline.AppendAsync(tx, dispute.Id, Now, actor, TimelineKind.RespondentJoined,
                $"{actor.DisplayName} accepted the invitation and joined as the respondent. The dispute is open.", ct: ct);
            return Outcome.Ok;
        }, DisputeChanges.All, ct);
        return outcome.Succeeded ? invitation.DisputeId : (outcome).As<int>();
    }

    /// <summary>Posts the party's statement the first time, or saves a new version of it.</summary>
    public async Task<Outcome> SaveStatementAsync(ForumActor actor, int disputeId, string text, CancellationToken ct = default)
    {
        var rendered = markdown.Accept(new StatementInput { Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);

        return await writer.WriteAsync(actor, disputeId, clock, async (db, current, dispute) =>
        {
            if (ForumGuardian.CannotWrite(current) is { } cannot) return cannot.AsOutcome();
            if (dispute.RoleOf(current.UserId) is not { } role) return Outcome.Refused("Only the two parties write statements.");
            var statement = await db.Statements.SingleOrDefaultAsync(s => s.DisputeId == dispute.Id && s.Role == role, ct);
            // A statement under moderation keeps the words the review (and any appeal) is about: no new version replaces them meanwhile.
            var moderation = statement is null ? null
                : await db.ModeratedItems.AsNoTracking().SingleOrDefaultAsync(m => m.Kind == Moderation.ContentKind.Statement && m.ItemId == statement.Id, ct);
            if (ForumGuardian.CanWriteStatement(current, dispute, role, moderation) is { Allowed: false } no) return no.AsOutcome();
            if (statement?.Source == text) return Outcome.Invalid("Nothing changed: the statement is the same as the current version.");
            if (await limiter.CheckAndRecordAsync(db, actor.UserId!, WriteAction.Statement, Now, ct) is { Allowed: false } slow) return slow.AsOutcome();
            StatementRevision revision;
            if (statement is null)
            {
                revision = AddStatement(db, dispute, role, actor, text, rendered.Html, Now);
            }
            else
            {
                statement.Revision++;
                statement.Source = text;
                statement.Html = rendered.Html;
                statement.UpdatedAt = Now;
                revision = new StatementRevision { Number = statement.Revision, Source = text, Html = rendered.Html, At = Now };
                statement.Revisions.Add(revision);
            }
            Touch(dispute);
            await AppendStatementEntryAsync(db, dispute, actor, role, revision, ct);
            return Outcome.Ok;
        }, DisputeChanges.Statements | DisputeChanges.Timeline, ct);
    }

    public async Task<Outcome> PostReplyAsync(ForumActor actor, int disputeId, string text, CancellationToken ct = default)
    {
        var rendered = markdown.Accept(new ReplyInput { Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);

        return await WriteAsync(actor, disputeId, ForumGuardian.CanReply, async (db, dispute) =>
        {
            if (await limiter.CheckAndRecordAsync(db, actor.UserId!, WriteAction.Reply, Now, ct) is { Allowed: false } slow) return slow.AsOutcome();
            var role = dispute.RoleOf(actor.UserId)!.Value;
            Touch(dispute);
            await timeline.AppendAsync(db, dispute.Id, Now, actor, TimelineKind.Reply,
                $"{actor.DisplayName} ({role.ToString().ToLowerInvariant()}) replied.", body: text, bodyHtml: rendered.Html, ct: ct);
            return Outcome.Ok;
        }, DisputeChanges.Timeline, ct);
    }

    public Task<Outcome> WithdrawAsync(ForumActor actor, int disputeId, CancellationToken ct = default) =>
        WriteAsync(actor, disputeId, ForumGuardian.CanWithdraw, async (db, dispute) =>
        {
            dispute.Status = DisputeStatus.Withdrawn;
            dispute.ClosedAt = Now;
            Touch(dispute);
            await RevokeLiveInvitationsAsync(db, dispute, actor, ct, log: false);
            await timeline.AppendAsync(db, dispute.Id, Now, actor, TimelineKind.StatusChanged,
                $"{actor.DisplayName} withdrew the dispute. It stays readable.", ct: ct);
            return Outcome.Ok;
        }, DisputeChanges.All, ct);

    /// <summary>Saves every transition that is due (the deadline service calls this); returns how many disputes moved.</summary>
    public async Task<int> ApplyDueDeadlinesAsync(CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Disputes
            .Where(d => (d.Status == DisputeStatus.AwaitingResponse && d.ResponseDeadline <= now)
                || (d.Status == DisputeStatus.Open && d.VotingClosesAt <= now))
            .Select(d => d.Id)
            .ToListAsync(ct);
        await limiter.PruneAsync(db, now, ct); // the same sweep keeps the write-limit table small
        foreach (var id in due)
        {
            await WriteAsync(ForumActor.Anonymous, id, (_, _) => Decision.Granted, (_, _) => Task.FromResult(Outcome.Ok), DisputeChanges.None, ct);
        }
        return due.Count;
    }

    private Task<Outcome> WriteAsync(ForumActor actor, int disputeId, Func<ForumActor, Dispute, Decision> permission,
        Func<ForumDbContext, Dispute, Task<Outcome>> change, DisputeChanges changes, CancellationToken ct) =>
        writer.WriteAsync(actor, disputeId, clock, permission, change, changes, ct);

    private void Touch(Dispute dispute)
    {
        dispute.LastActivityAt = Now;
        dispute.ActivityCount++;
    }

    private static StatementRevision AddStatement(ForumDbContext db, Dispute dispute, PartyRole role, ForumActor actor, string source, string html, DateTime now)
    {
        var revision = new StatementRevision { Number = 1, Source = source, Html = html, At = now };
        db.Statements.Add(new PartyStatement
        {
            DisputeId = dispute.Id, Role = role, AuthorId = actor.UserId!, Revision = 1,
            Source = source, Html = html, PostedAt = now, UpdatedAt = now, Revisions = [revision],
        });
        dispute.LastActivityAt = now;
        return revision;
    }

    private Task<TimelineEntry> AppendStatementEntryAsync(ForumDbContext db, Dispute dispute, ForumActor actor, PartyRole role, StatementRevision revision, CancellationToken ct)
    {
        var side = role.ToString().ToLowerInvariant();
        var (kind, summary) = revision.Number == 1
            ? (TimelineKind.StatementPosted, $"{actor.DisplayName} posted the {side}'s statement.")
            : (TimelineKind.StatementEdited, $"{actor.DisplayName} edited the {side}'s statement (version {revision.Number}).");
        return timeline.AppendAsync(db, dispute.Id, Now, actor, kind, summary,
            reference: StatementReference(role, revision.Number), contentHash: TimelineWriter.ContentHashOf(revision.Source, revision.Html), ct: ct);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    public static string StatementReference(PartyRole role, int number) => $"statement:{role}:{number}";

    private async Task<string> IssueInvitationAsync(ForumDbContext db, Dispute dispute, ForumActor actor, CancellationToken ct)
    {
        var token = Invitation.NewToken();
        var now = Now;
        db.Invitations.Add(new Invitation
        {
            DisputeId = dispute.Id, TokenHash = Invitation.HashOf(token), CreatedAt = now,
            // A link is no use once the dispute stops waiting, so it never outlives the response deadline.
            ExpiresAt = Min(now + Options.InvitationLifetime, dispute.ResponseDeadline),
        });
        await timeline.AppendAsync(db, dispute.Id, Now, actor, TimelineKind.InvitationIssued,
            $"{actor.DisplayName} issued an invitation link for {dispute.RespondentName}, valid until {Components.DisputeLabels.Exact(Min(now + Options.InvitationLifetime, dispute.ResponseDeadline))}.", ct: ct);
        return token;
    }

    private async Task<bool> RevokeLiveInvitationsAsync(ForumDbContext db, Dispute dispute, ForumActor actor, CancellationToken ct, bool log = true)
    {
        var now = Now;
        var live = await db.Invitations.Where(i => i.DisputeId == dispute.Id).Where(Invitation.LiveAt(now)).ToListAsync(ct);
        foreach (var invitation in live) invitation.RevokedAt = now;
        if (live.Count > 0 && log)
        {
            await timeline.AppendAsync(db, dispute.Id, Now, actor, TimelineKind.InvitationRevoked, $"{actor.DisplayName} revoked the invitation link.", ct: ct);
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
            null => Outcome.NotFound("This invitation link is not valid. Check that you copied all of it, or ask for a new one.").As<Invitation>(),
            { AcceptedAt: not null } => Outcome.Refused("This invitation link has already been used.").As<Invitation>(),
            { RevokedAt: not null } => Outcome.Refused("This invitation link was revoked by the party who opened the dispute. Ask them for a new one.").As<Invitation>(),
            _ when invitation.ExpiresAt <= now => Outcome.Refused("This invitation link has expired. Ask the party who opened the dispute for a new one.").As<Invitation>(),
            _ => invitation,
        };
    }

}

/// <param name="SentTo">The address the link was mailed to, masked ("j***@example.com"): only that member may accept. Null when the link is open to anyone who holds it.</param>
public sealed record InvitationPreview(int DisputeId, string Title, string Summary, string ClaimantName, string RespondentName, DateTime ExpiresAt,
    string? SentTo = null);
