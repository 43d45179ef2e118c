using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>Every write on a dispute: checked by the guardian, one transaction with its timeline entry.</summary>
public sealed partial class DisputeService(
    IDbContextFactory<ForumDbContext> dbFactory,
    DisputeWriter writer,
    ForumGuardian guardian,
    TimelineWriter timeline,
    MarkdownRenderer markdown,
    InvitationMailer invitationMailer,
    WriteLimiter limiter,
    IOptions<DisputeOptions> options,
    IEnumerable<IDisputeDeadlines> otherDeadlines,
    TimeProvider clock)
{
    private DisputeOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<OpenedDispute>> OpenDisputeAsync(ForumActor actor, OpenDisputeInput input, CancellationToken ct = default)
    {
        if (guardian.CanOpenDispute(actor) is { Allowed: false } no) return no.AsOutcome().As<OpenedDispute>();
        input = input.Trimmed();
        var statement = markdown.Accept(input, input.Statement);
        if (statement.Problem is not null) return Outcome.Invalid(statement.Problem).As<OpenedDispute>();

        // A new dispute has no row to lock yet, so this write is not a DisputeWrite: it creates the row it would lock.
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        actor = await Accounts.ForumActors.ReadAsync(db, actor, now, ct); // standing as of now (a suspension counts at once)
        if (guardian.CanOpenDispute(actor) is { Allowed: false } refused) return refused.AsOutcome().As<OpenedDispute>();
        var organisation = await RespondentOrganisationAsync(db, input, ct);
        if (!organisation.Succeeded) return organisation.As<OpenedDispute>();
        if (actor.ActsFor(organisation.Value?.Id)) return Outcome.Refused(DisputeRefusals.ClaimantActsForOrganisation).As<OpenedDispute>();
        if (await limiter.CheckAndRecordAsync(db, actor.UserId!, WriteAction.Dispute, now, ct) is { Allowed: false } slow)
            return slow.AsOutcome().As<OpenedDispute>();
        var dispute = new Dispute
        {
            Title = input.Title,
            Summary = input.Summary,
            Category = input.Category,
            Status = DisputeStatus.AwaitingResponse,
            ClaimantId = actor.UserId!,
            RespondentName = organisation.Value?.Name ?? input.RespondentName,
            RespondentOrganisationId = organisation.Value?.Id,
            RespondentEmail = input.RespondentEmail,
            CreatedAt = now,
            ResponseDeadline = now + Options.ResponseWindow,
            LastActivityAt = now,
            ActivityCount = 1,
        };
        db.Disputes.Add(dispute);
        await db.SaveChangesAsync(ct);

        await timeline.AppendAsync(db, dispute.Id, now, actor, TimelineKind.DisputeOpened,
            $"{actor.DisplayName} opened the dispute against {(organisation.Value is null ? "" : "the organisation ")}"
            + $"{dispute.RespondentName}.", ct: ct);
        var revision = AddStatement(db, dispute, PartyRole.Claimant, actor, input.Statement, statement.Html, now);
        await db.SaveChangesAsync(ct);
        await AppendStatementEntryAsync(db, dispute, actor, PartyRole.Claimant, revision, now, ct);
        var token = await IssueInvitationAsync(db, dispute, actor, now, ct);
        var told = await writer.OnOpeningAsync(db, dispute, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        writer.Notify(told);

        var mailed = await invitationMailer.TrySendAsync(dispute, actor.DisplayName, token, ct);
        return new OpenedDispute(dispute.Id, token, mailed);
    }

    /// <summary>
    /// The organisation <paramref name="input"/> names: the one chosen from the search, else the one whose name was typed
    /// (ignoring case and spacing, so no dispute names a registered organisation without being against it); null for a
    /// person or an unregistered company, an invalid outcome when the chosen one no longer exists.
    /// </summary>
    private static async Task<Outcome<Organisations.Organisation?>> RespondentOrganisationAsync(ForumDbContext db, OpenDisputeInput input,
        CancellationToken ct)
    {
        if (input.RespondentOrganisationId is { } id)
        {
            return await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } chosen
                ? chosen
                : Outcome.Invalid("The organisation you chose no longer exists. Search for it again, or type the other party's name.")
                    .As<Organisations.Organisation?>();
        }
        var normalized = Organisations.OrganisationNames.Normalize(input.RespondentName);
        return await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.NormalizedName == normalized, ct);
    }

    /// <summary>Posts the party's statement the first time, or saves a new version of it.</summary>
    public async Task<Outcome> SaveStatementAsync(ForumActor actor, int disputeId, string text, CancellationToken ct = default)
    {
        var rendered = markdown.Accept(new StatementInput { Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);

        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        var (db, dispute, me, now) = (write.Db, write.Dispute, write.Actor, write.Now);
        if (ForumGuardian.CannotWrite(me) is { } cannot) return cannot.AsOutcome();
        if (dispute.RoleOf(me) is not { } role) return Outcome.Refused(DisputeRefusals.OnlyPartiesWriteStatements);
        var statement = await db.Statements.SingleOrDefaultAsync(s => s.DisputeId == dispute.Id && s.Role == role, ct);
        // A statement under moderation keeps the words the review (and any appeal) is about: no new version replaces them meanwhile.
        var moderation = statement is null ? null
            : await db.ModeratedItems.AsNoTracking()
                .SingleOrDefaultAsync(m => m.Kind == Content.ContentKind.Statement && m.ItemId == statement.Id, ct);
        if (guardian.CanWriteStatement(me, dispute, role, moderation) is { Allowed: false } no) return no.AsOutcome();
        if (statement?.Source == text) return Outcome.Invalid("Nothing changed: the statement is the same as the current version.");
        if (await limiter.CheckAndRecordAsync(db, me.UserId!, WriteAction.Statement, now, ct) is { Allowed: false } slow)
            return slow.AsOutcome();

        var revision = statement is null
            ? AddStatement(db, dispute, role, me, text, rendered.Html, now)
            : Revise(statement, text, rendered.Html, now);
        Touch(dispute, now);
        await AppendStatementEntryAsync(db, dispute, me, role, revision, now, ct);
        if (role != PartyRole.Respondent || dispute.Status != DisputeStatus.AwaitingResponse)
            return await write.CommitAsync(DisputeChanges.Statements | DisputeChanges.Timeline);

        // The respondent's first statement: both sides are heard, so the public may now comment and vote.
        DisputeLifecycle.Apply(dispute, new(DisputeStatus.Open, now, DisputeLifecycle.BothHeard), Options.VotingWindow);
        await timeline.AppendAsync(db, dispute.Id, now, me, TimelineKind.StatusChanged, DisputeLifecycle.BothHeard, ct: ct);
        return await write.CommitAsync(DisputeChanges.All);
    }

    public async Task<Outcome> PostReplyAsync(ForumActor actor, int disputeId, string text, CancellationToken ct = default)
    {
        var rendered = markdown.Accept(new ReplyInput { Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);

        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        if (guardian.CanReply(write.Actor, write.Dispute) is { Allowed: false } no) return no.AsOutcome();
        if (await limiter.CheckAndRecordAsync(write.Db, write.Actor.UserId!, WriteAction.Reply, write.Now, ct) is { Allowed: false } slow)
            return slow.AsOutcome();
        var role = write.Dispute.RoleOf(write.Actor)!.Value;
        Touch(write.Dispute, write.Now);
        await timeline.AppendAsync(write.Db, disputeId, write.Now, write.Actor, TimelineKind.Reply,
            $"{write.Actor.DisplayName} ({role.ToString().ToLowerInvariant()}) replied.", body: text, bodyHtml: rendered.Html, ct: ct);
        return await write.CommitAsync(DisputeChanges.Timeline);
    }

    public async Task<Outcome> WithdrawAsync(ForumActor actor, int disputeId, CancellationToken ct = default)
    {
        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        if (guardian.CanWithdraw(write.Actor, write.Dispute) is { Allowed: false } no) return no.AsOutcome();
        write.Dispute.Status = DisputeStatus.Withdrawn;
        write.Dispute.ClosedAt = write.Now;
        Touch(write.Dispute, write.Now);
        await RevokeLiveInvitationsAsync(write, ct, log: false);
        await timeline.AppendAsync(write.Db, disputeId, write.Now, write.Actor, TimelineKind.StatusChanged,
            $"{write.Actor.DisplayName} withdrew the dispute. It stays readable.", ct: ct);
        return await write.CommitAsync(DisputeChanges.All);
    }

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
        foreach (var other in otherDeadlines) due = [.. due.Union(await other.DisputesDue(db, now).ToListAsync(ct))];
        await limiter.PruneAsync(db, now, ct); // the same sweep keeps the write-limit table small
        foreach (var id in due)
        {
            // Opening a write on the dispute applies what is due; there is nothing else to change.
            await using var write = await writer.BeginAsync(ForumActor.Anonymous, id, ct);
            if (write.Found) await write.CommitAsync(DisputeChanges.None);
        }
        return due.Count;
    }

    private static void Touch(Dispute dispute, DateTime now)
    {
        dispute.LastActivityAt = now;
        dispute.ActivityCount++;
    }

    private static StatementRevision Revise(PartyStatement statement, string text, string html, DateTime now)
    {
        statement.Revision++;
        (statement.Source, statement.Html, statement.UpdatedAt) = (text, html, now);
        var revision = new StatementRevision { Number = statement.Revision, Source = text, Html = html, At = now };
        statement.Revisions.Add(revision);
        return revision;
    }

    private static StatementRevision AddStatement(ForumDbContext db, Dispute dispute, PartyRole role, ForumActor actor, string source,
        string html, DateTime now)
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

    private Task<TimelineEntry> AppendStatementEntryAsync(ForumDbContext db, Dispute dispute, ForumActor actor, PartyRole role,
        StatementRevision revision,
        DateTime now, CancellationToken ct)
    {
        var side = role.ToString().ToLowerInvariant();
        var (kind, summary) = revision.Number == 1
            ? (TimelineKind.StatementPosted, $"{actor.DisplayName} posted the {side}'s statement.")
            : (TimelineKind.StatementEdited, $"{actor.DisplayName} edited the {side}'s statement (version {revision.Number}).");
        return timeline.AppendAsync(db, dispute.Id, now, actor, kind, summary,
            reference: StatementReference(role, revision.Number),
            contentHash: TimelineWriter.ContentHashOf(revision.Source, revision.Html), ct: ct);
    }

    public static string StatementReference(PartyRole role, int number) => $"statement:{role}:{number}";
}
