using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>What a claimant gets back on opening a dispute: its id and the invitation token, shown once.</summary>
public sealed record OpenedDispute(int DisputeId, string InvitationToken);

/// <summary>Every write on a dispute: checked by the guardian, one transaction with its timeline entry.</summary>
public sealed class DisputeService(
    IDbContextFactory<ForumDbContext> dbFactory,
    TimelineWriter timeline,
    MarkdownRenderer markdown,
    InvitationMailer invitationMailer,
    IOptions<DisputeOptions> options,
    TimeProvider clock)
{
    private DisputeOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<OpenedDispute>> OpenDisputeAsync(ForumActor actor, OpenDisputeInput input, CancellationToken ct = default)
    {
        if (ForumGuardian.CanOpenDispute(actor) is { Allowed: false } no) return no.AsOutcome().As<OpenedDispute>();
        if (Inputs.Problem(input) is { } problem) return Outcome.Invalid(problem).As<OpenedDispute>();
        var statement = markdown.Render(input.Statement);
        if (statement.Problem is not null) return Outcome.Invalid(statement.Problem).As<OpenedDispute>();

        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dispute = new Dispute
        {
            Title = input.Title.Trim(),
            Summary = input.Summary.Trim(),
            Category = input.Category,
            Status = DisputeStatus.AwaitingResponse,
            ClaimantId = actor.UserId!,
            RespondentName = input.RespondentName.Trim(),
            RespondentEmail = string.IsNullOrWhiteSpace(input.RespondentEmail) ? null : input.RespondentEmail.Trim(),
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

        await invitationMailer.SendAsync(dispute, actor.DisplayName, token, ct);
        return new OpenedDispute(dispute.Id, token);
    }

    /// <summary>Revokes any live link and issues a new one, shown once to the claimant (and mailed if an address was given).</summary>
    public async Task<Outcome<string>> ReissueInvitationAsync(ForumActor actor, int disputeId, CancellationToken ct = default)
    {
        string? token = null;
        Dispute? mailed = null;
        var outcome = await WriteAsync(actor, disputeId, ForumGuardian.CanManageInvitation, async (db, dispute) =>
        {
            await RevokeLiveInvitationsAsync(db, dispute, actor, ct);
            token = await IssueInvitationAsync(db, dispute, actor, ct);
            mailed = dispute;
            return Outcome.Ok;
        }, ct);
        if (!outcome.Succeeded) return (outcome).As<string>();
        await invitationMailer.SendAsync(mailed!, actor.DisplayName, token!, ct);
        return token!;
    }

    public Task<Outcome> RevokeInvitationAsync(ForumActor actor, int disputeId, CancellationToken ct = default) =>
        WriteAsync(actor, disputeId, ForumGuardian.CanManageInvitation, async (db, dispute) =>
            await RevokeLiveInvitationsAsync(db, dispute, actor, ct) ? Outcome.Ok : Outcome.Refused("There is no live invitation link to revoke."), ct);

    /// <summary>What a person opening an invitation link sees before accepting.</summary>
    public async Task<Outcome<InvitationPreview>> InspectInvitationAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await FindInvitationAsync(db, token, ct);
        if (found.Value is not { } invitation) return (found).As<InvitationPreview>();
        var dispute = await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == invitation.DisputeId, ct);
        var claimant = await db.Users.Where(u => u.Id == dispute.ClaimantId).Select(u => u.DisplayName).SingleAsync(ct);
        return new InvitationPreview(dispute.Id, dispute.Title, dispute.Summary, claimant, dispute.RespondentName, invitation.ExpiresAt);
    }

    public async Task<Outcome<int>> AcceptInvitationAsync(ForumActor actor, string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await FindInvitationAsync(db, token, ct);
        if (found.Value is not { } invitation) return (found).As<int>();
        var outcome = await WriteAsync(actor, invitation.DisputeId, ForumGuardian.CanAcceptInvitation, async (tx, dispute) =>
        {
            var live = await tx.Invitations.SingleAsync(i => i.Id == invitation.Id, ct);
            if (!live.IsUsable(Now)) return Outcome.Refused("This invitation link was used, revoked or has expired.");
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
        }, ct);
        return outcome.Succeeded ? invitation.DisputeId : (outcome).As<int>();
    }

    /// <summary>Posts the party's statement the first time, or saves a new version of it.</summary>
    public async Task<Outcome> SaveStatementAsync(ForumActor actor, int disputeId, string text, CancellationToken ct = default)
    {
        if (Inputs.Problem(new StatementInput { Text = text }) is { } problem) return Outcome.Invalid(problem);
        var rendered = markdown.Render(text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);

        return await WriteAsync(actor, disputeId, (a, d) => d.RoleOf(a.UserId) is { } role
            ? ForumGuardian.CanWriteStatement(a, d, role)
            : Decision.Denied("Only the two parties write statements."), async (db, dispute) =>
        {
            var role = dispute.RoleOf(actor.UserId)!.Value;
            var statement = await db.Statements.SingleOrDefaultAsync(s => s.DisputeId == dispute.Id && s.Role == role, ct);
            StatementRevision revision;
            if (statement is null)
            {
                revision = AddStatement(db, dispute, role, actor, text, rendered.Html, Now);
            }
            else
            {
                if (statement.Source == text) return Outcome.Invalid("Nothing changed: the statement is the same as the current version.");
                statement.Revision++;
                statement.Source = text;
                statement.Html = rendered.Html;
                statement.UpdatedAt = Now;
                revision = new StatementRevision { Number = statement.Revision, Source = text, Html = rendered.Html, At = Now };
                statement.Revisions.Add(revision);
            }
            Touch(dispute);
            await db.SaveChangesAsync(ct);
            await AppendStatementEntryAsync(db, dispute, actor, role, revision, ct);
            return Outcome.Ok;
        }, ct);
    }

    public async Task<Outcome> PostReplyAsync(ForumActor actor, int disputeId, string text, CancellationToken ct = default)
    {
        if (Inputs.Problem(new ReplyInput { Text = text }) is { } problem) return Outcome.Invalid(problem);
        var rendered = markdown.Render(text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);

        return await WriteAsync(actor, disputeId, ForumGuardian.CanReply, async (db, dispute) =>
        {
            var role = dispute.RoleOf(actor.UserId)!.Value;
            Touch(dispute);
            await timeline.AppendAsync(db, dispute.Id, Now, actor, TimelineKind.Reply,
                $"{actor.DisplayName} ({role.ToString().ToLowerInvariant()}) replied.", body: text, bodyHtml: rendered.Html, ct: ct);
            return Outcome.Ok;
        }, ct);
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
        }, ct);

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
        foreach (var id in due)
        {
            await WriteAsync(ForumActor.Anonymous, id, (_, _) => Decision.Granted, (_, _) => Task.FromResult(Outcome.Ok), ct);
        }
        return due.Count;
    }

    /// <summary>
    /// The shape of every write: one transaction; due deadlines applied first (and kept even if the action is
    /// refused, since they are facts); the guardian asked about the dispute as it stands now; then the change.
    /// </summary>
    private async Task<Outcome> WriteAsync(ForumActor actor, int disputeId, Func<ForumActor, Dispute, Decision> permission,
        Func<ForumDbContext, Dispute, Task<Outcome>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dispute = await db.Disputes.SingleOrDefaultAsync(d => d.Id == disputeId, ct);
        if (dispute is null) return Outcome.NotFound("This dispute does not exist.");

        foreach (var transition in DisputeLifecycle.Due(dispute, Now, Options.VotingWindow))
        {
            DisputeLifecycle.Apply(dispute, transition, Options.VotingWindow);
            await timeline.AppendAsync(db, dispute.Id, transition.At, ForumActor.Anonymous, TimelineKind.StatusChanged, transition.Summary, ct: ct);
        }

        // A change refuses before it alters anything, so what is saved on a refusal is only the deadlines.
        var outcome = permission(actor, dispute) is { Allowed: false } no ? no.AsOutcome() : await change(db, dispute);

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Refused("Someone changed this dispute at the same moment. Reload and try again; your text is kept.");
        }
        return outcome;
    }

    private void Touch(Dispute dispute)
    {
        dispute.LastActivityAt = Now;
        dispute.ActivityCount++;
        dispute.Version++;
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
            reference: StatementReference(role, revision.Number), contentHash: TimelineWriter.Sha256(revision.Source), ct: ct);
    }

    public static string StatementReference(PartyRole role, int number) => $"statement:{role}:{number}";

    private async Task<string> IssueInvitationAsync(ForumDbContext db, Dispute dispute, ForumActor actor, CancellationToken ct)
    {
        var token = Invitation.NewToken();
        var now = Now;
        db.Invitations.Add(new Invitation
        {
            DisputeId = dispute.Id, TokenHash = Invitation.HashOf(token), CreatedAt = now,
            ExpiresAt = now + Options.InvitationLifetime,
        });
        await timeline.AppendAsync(db, dispute.Id, Now, actor, TimelineKind.InvitationIssued,
            $"{actor.DisplayName} issued an invitation link for {dispute.RespondentName}, valid until {(now + Options.InvitationLifetime):d MMM yyyy HH:mm} UTC.", ct: ct);
        return token;
    }

    private async Task<bool> RevokeLiveInvitationsAsync(ForumDbContext db, Dispute dispute, ForumActor actor, CancellationToken ct, bool log = true)
    {
        var now = Now;
        var live = await db.Invitations.Where(i => i.DisputeId == dispute.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now).ToListAsync(ct);
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
            null => (Outcome.NotFound("This invitation link is not valid. Check that you copied all of it, or ask for a new one.").As<Invitation>()),
            { AcceptedAt: not null } => (Outcome.Refused("This invitation link has already been used.").As<Invitation>()),
            { RevokedAt: not null } => (Outcome.Refused("This invitation link was revoked by the party who opened the dispute. Ask them for a new one.").As<Invitation>()),
            _ when invitation.ExpiresAt <= now => (Outcome.Refused("This invitation link has expired. Ask the party who opened the dispute for a new one.").As<Invitation>()),
            _ => invitation,
        };
    }

}

public sealed record InvitationPreview(int DisputeId, string Title, string Summary, string ClaimantName, string RespondentName, DateTime ExpiresAt);
