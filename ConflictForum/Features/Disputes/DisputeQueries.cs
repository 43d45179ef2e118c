using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>The read side: lists, one dispute, its timeline, statement history, a member's disputes.</summary>
public sealed partial class DisputeQueries(IDbContextFactory<ForumDbContext> dbFactory, IOptions<DisputeOptions> options,
    ForumGuardian guardian,
    IEnumerable<ITimelineRedaction> redactions, IDisputeOutcomes outcomes, ISettlementFollowUps followUps, TimeProvider clock,
    SharedTexts texts, IDisputeMediators mediators)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<DisputePage> ListAsync(DisputeListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var disputes = db.Disputes.AsNoTracking();
        if (query.Status is { } status) disputes = disputes.Where(d => d.Status == status);
        if (query.Category is { } category) disputes = disputes.Where(d => d.Category == category);
        if (query.Outcome is { } outcome) disputes = disputes.Where(outcomes.Having(outcome));
        if (query.Organisation is { } slug)
            disputes = disputes.Where(d => db.Organisations.Any(o => o.Slug == slug && o.Id == d.RespondentOrganisationId));
        var words = DisputeSearch.WordsOf(query.Search);
        // A search is ranked, the best match first, unless the reader chose another order; either way the index is read once.
        var ranked = words.Count > 0 && query.Sort == DisputeSort.Newest;
        if (words.Count > 0)
        {
            // Hidden disputes never match: whether one matched would tell what its hidden words say.
            disputes = disputes.Where(d =>
                !db.ModeratedItems.Any(m => m.Kind == ContentKind.Dispute && m.ItemId == d.Id && m.HiddenAt != null));
            var hits = DisputeSearch.Matches(db, words);
            disputes = ranked
                ? disputes.Join(hits, d => d.Id, h => h.DisputeId, (d, h) => new { Dispute = d, h.Rank })
                    .OrderBy(r => r.Rank).ThenByDescending(r => r.Dispute.CreatedAt).Select(r => r.Dispute)
                : disputes.Where(d => hits.Select(h => h.DisputeId).Contains(d.Id));
        }
        if (!ranked)
        {
            disputes = query.Sort switch
            {
                DisputeSort.MostActive => disputes.OrderByDescending(d => d.ActivityCount).ThenByDescending(d => d.LastActivityAt),
                DisputeSort.ClosingSoon => disputes
                    .OrderBy(d => d.Status == DisputeStatus.AwaitingResponse || d.Status == DisputeStatus.Open ? 0 : 1)
                    .ThenBy(d => d.Status == DisputeStatus.AwaitingResponse ? d.ResponseDeadline : d.VotingClosesAt),
                DisputeSort.Outcome => disputes.OrderBy(outcomes.Rank).ThenByDescending(d => d.ClosedAt)
                    .ThenByDescending(d => d.CreatedAt),
                _ => disputes.OrderByDescending(d => d.CreatedAt),
            };
        }

        var page = Math.Clamp(query.Page, 1, int.MaxValue / DisputeListQuery.PageSize); // a page past the end is empty, never an overflow
        var total = await disputes.CountAsync(ct);
        var rows = await WithNames(db, disputes.Skip((page - 1) * DisputeListQuery.PageSize).Take(DisputeListQuery.PageSize))
            .ToListAsync(ct);
        return new DisputePage(await WithFollowUpsAsync(db, [.. rows.Select(r => AsOfNow(r))], ct), total, page);
    }

    public async Task<DisputeView?> GetAsync(int id, ForumActor viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await WithNames(db, db.Disputes.AsNoTracking().Where(d => d.Id == id)).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var hidden = await HiddenItems.LoadAsync(guardian, db, id, viewer,
            [ContentKind.Dispute, ContentKind.Statement, ContentKind.Reply, ContentKind.MediatorNote], ct: ct);
        row = (await WithFollowUpsAsync(db, [AsOfNow(row, hidden.For(ContentKind.Dispute, id)?.ShowContent ?? true)], ct))[0];
        var dispute = row.Dispute;

        var statements = (await db.Statements.AsNoTracking().Where(s => s.DisputeId == id)
            .Join(db.Users, s => s.AuthorId, u => u.Id, (s, u) =>
                new StatementView(s.Id, s.Role, s.AuthorId, u.DisplayName, s.Revision, s.Html, s.PostedAt, s.UpdatedAt, null))
            .ToListAsync(ct))
            .Select(s => s with
            {
                Html = texts.Share(nameof(ContentKind.Statement), s.Id, s.Html),
                AuthorName = dispute.SignedName(s.AuthorName, s.Role),
            })
            .Select(s => hidden.For(ContentKind.Statement, s.Id) is not { } notice ? s
                : notice.ShowContent ? s with { Hidden = notice }
                : s with { Hidden = notice, Html = "" })
            .ToList();
        var viewerRole = dispute.RoleOf(viewer);
        var ownStatementId = viewerRole is { } mine ? statements.SingleOrDefault(s => s.Role == mine)?.Id : null;
        var ownStatementModeration = ownStatementId is { } statementId
            ? await db.ModeratedItems.AsNoTracking()
                .SingleOrDefaultAsync(m => m.Kind == ContentKind.Statement && m.ItemId == statementId, ct)
            : null;
        var invitationExpires = viewer.Is(dispute.ClaimantId)
            ? await db.Invitations.Where(i => i.DisputeId == id).Where(Invitation.LiveAt(Now))
                .Select(i => (DateTime?)i.ExpiresAt).MaxAsync(ct)
            : null;

        return new DisputeView(row,
            statements.SingleOrDefault(s => s.Role == PartyRole.Claimant),
            statements.SingleOrDefault(s => s.Role == PartyRole.Respondent),
            viewerRole,
            viewerRole is { } role
                ? guardian.CanWriteStatement(viewer, dispute, role, ownStatementModeration)
                : Decision.Denied(DisputeRefusals.OnlyPartiesWriteStatements),
            guardian.CanReply(viewer, dispute),
            guardian.CanWithdraw(viewer, dispute),
            guardian.CanManageInvitation(viewer, dispute),
            invitationExpires,
            hidden)
        {
            CanModerate = guardian.CanModerateDispute(viewer, dispute),
            CanComment = ForumGuardian.AsShown(guardian.CanComment(viewer, dispute), dispute, "The discussion closed with the vote",
                endsOnSettling: false),
            CanProposeResolution = guardian.CanProposeResolution(viewer, dispute),
            CanTakeStance = guardian.CanTakeStance(viewer, dispute),
            CanAnswerResolution = guardian.CanAnswerResolution(viewer, dispute),
            CanJoinForOrganisation = guardian.CanJoinForOrganisation(viewer, dispute, row.Organisation?.IsVerified == true),
        };
    }

    /// <param name="includeComments">False for the dispute page, which shows the discussion itself; the full record keeps them.</param>
    /// <param name="viewer">
    /// Whose eyes: hidden replies and resolutions are blanked for all but moderators and their authors (anonymous when null).
    /// </param>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int disputeId, bool includeComments = true, ForumActor? viewer = null,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ReadTimelineAsync(db, disputeId, includeComments, viewer ?? ForumActor.Anonymous, ct)).Entries;
    }

    /// <summary>
    /// The dispute page's timeline as <paramref name="viewer"/> sees it: without the entries about comments (the page shows the
    /// discussion itself), each run of them a numbered placeholder.
    /// </summary>
    public async Task<DisputeTimeline> PageTimelineAsync(int disputeId, ForumActor viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (entries, _, gaps) = await ReadTimelineAsync(db, disputeId, includeComments: false, viewer, ct);
        return new DisputeTimeline(entries, gaps);
    }

    /// <returns>
    /// The entries as <paramref name="viewer"/> may see them, and the hidden replies and resolutions they were judged by.
    /// </returns>
    private async Task<(List<TimelineEntry> Entries, HiddenItems Hidden, IReadOnlyList<TimelineGap> Gaps)> ReadTimelineAsync(
        ForumDbContext db, int disputeId, bool includeComments, ForumActor viewer, CancellationToken ct)
    {
        var query = db.TimelineEntries.AsNoTracking().Where(e => e.DisputeId == disputeId);
        // Read first, so every entry left out below it is one about a comment (a newer entry of any kind lies past it).
        var last = includeComments ? 0 : await query.MaxAsync(e => (int?)e.Sequence, ct) ?? 0;
        if (!includeComments)
            query = query.Where(e => e.Sequence <= last && e.Kind != TimelineKind.CommentPosted && e.Kind != TimelineKind.CommentEdited);
        var entries = await query.OrderBy(e => e.Sequence).ToListAsync(ct);
        var hidden = await HiddenItems.LoadAsync(guardian, db, disputeId, viewer,
            [ContentKind.Reply, ContentKind.MediatorNote, ContentKind.Resolution, ContentKind.Dispute], ct: ct);
        // A hidden dispute hides the other party's name as the claimant typed it, which the entries written at opening name.
        var typedName = hidden.For(ContentKind.Dispute, disputeId) is { ShowContent: false }
            ? await db.Disputes.Where(d => d.Id == disputeId).Select(d => d.RespondentName).SingleAsync(ct)
            : null;
        await HiddenOrganisationRedaction.RedactAsync(db, guardian, disputeId, viewer, entries, ct);
        // The rows are untracked copies: blanking them changes what this reader sees, never the record ("Verify" reads it afresh).
        foreach (var entry in entries)
        {
            if (entry.Kind == TimelineKind.Moderation && LegacyAppealNoteAt(entry) is { } colon)
            {
                // Written before appeal notes were kept off the timeline: the note is for moderators and the author, so readers
                // get today's wording.
                entry.Summary = entry.Summary[..colon] + "; another moderator will decide.";
            }
            if (typedName is not null && entry.Kind is TimelineKind.DisputeOpened or TimelineKind.InvitationIssued)
            {
                entry.Summary = entry.Summary
                    .Replace($" against {typedName}.", $" against {HiddenPartyName}.", StringComparison.Ordinal)
                    .Replace($" link for {typedName},", $" link for {HiddenPartyName},", StringComparison.Ordinal);
            }
            var notice = TimelineKinds.ContentOf(entry.Kind) is { } own ? hidden.For(own, entry.Id)
                : entry.Kind is TimelineKind.ResolutionProposed or TimelineKind.ResolutionAnswered
                    && entry.Reference?.Split(':') is ["resolution", var id]
                    ? hidden.For(ContentKind.Resolution, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))
                : null;
            if (notice is null || notice.ShowContent) continue;
            (entry.Body, entry.BodyHtml) = (null, null);
            if (TimelineKinds.ContentOf(entry.Kind) is null)
                entry.Summary = $"{entry.ActorName}: about a resolution since hidden by a moderator.";
        }
        foreach (var redaction in redactions) await redaction.RedactAsync(db, entries, hidden, ct);
        return (entries, hidden, includeComments ? [] : await CommentGaps.ReadAsync(db, disputeId, entries, last, ct));
    }

    /// <summary>Where the note starts in an appeal entry that still carries one (": note"), or null.</summary>
    private static int? LegacyAppealNoteAt(TimelineEntry entry)
    {
        var prefix = $"{entry.ActorName} appealed the hiding of their ";
        if (!entry.Summary.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var colon = entry.Summary.IndexOf(": ", prefix.Length, StringComparison.Ordinal);
        return colon < 0 ? null : colon;
    }

    /// <summary>
    /// The dispute page's timeline as every reader who is not signed in sees it, with the hidden replies' notices and the
    /// dispute's version, read first so that what follows is at least that new; null when there is no such dispute.
    /// </summary>
    public async Task<PublicTimelineData?> PublicTimelineAsync(int disputeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Disputes.Where(d => d.Id == disputeId).Select(d => (int?)d.Version).SingleOrDefaultAsync(ct) is not { } version)
            return null;
        var (entries, hidden, gaps) = await ReadTimelineAsync(db, disputeId, includeComments: false, ForumActor.Anonymous, ct);
        return new PublicTimelineData(version, entries, hidden) { Gaps = gaps };
    }

    /// <summary>Every version of a statement; none, with the notice, when it is hidden from <paramref name="viewer"/>.</summary>
    public async Task<(IReadOnlyList<StatementRevision> Revisions, HiddenNotice? Hidden)> RevisionsAsync(int disputeId, PartyRole role,
        ForumActor viewer,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var statementId = await db.Statements.Where(s => s.DisputeId == disputeId && s.Role == role)
            .Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (statementId is not { } id) return ([], null);
        var hidden = (await HiddenItems.LoadAsync(guardian, db, disputeId, viewer, ContentKind.Statement, [id], ct))
            .For(ContentKind.Statement, id);
        if (hidden is { ShowContent: false }) return ([], hidden);
        return (await db.StatementRevisions.AsNoTracking().Where(r => r.StatementId == id).OrderBy(r => r.Number).ToListAsync(ct), hidden);
    }

    /// <summary>
    /// The Markdown source of a party's current statement, for the editor: "" when hidden from <paramref name="viewer"/>.
    /// </summary>
    /// <returns>Null when the party has posted no statement.</returns>
    public async Task<string?> StatementSourceAsync(int disputeId, PartyRole role, ForumActor viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var statement = await db.Statements.Where(s => s.DisputeId == disputeId && s.Role == role)
            .Select(s => new { s.Id, s.Source }).SingleOrDefaultAsync(ct);
        if (statement is null) return null;
        var hidden = (await HiddenItems.LoadAsync(guardian, db, disputeId, viewer, ContentKind.Statement, [statement.Id], ct))
            .For(ContentKind.Statement, statement.Id);
        return hidden is { ShowContent: false } ? "" : statement.Source;
    }

    /// <summary>
    /// Every dispute <paramref name="member"/> is a party to or has mediated, or that is against an organisation they act for,
    /// as of now, newest activity first: two queries however many there are (the rows, then their settlements' follow-ups).
    /// </summary>
    public async Task<IReadOnlyList<DisputeRow>> InvolvingAsync(ForumActor member, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await WithNames(db, Involving(db, member)
                .OrderByDescending(d => d.LastActivityAt).ThenByDescending(d => d.Id))
            .ToListAsync(ct);
        return await WithFollowUpsAsync(db, [.. rows.Select(r => AsOfNow(r))], ct);
    }

    /// <summary>The rows with the parties' names: an organisation is named as itself, whichever of its members answers for it.</summary>
    private static IQueryable<DisputeRow> WithNames(ForumDbContext db, IQueryable<Dispute> disputes) =>
        from d in disputes
        join claimant in db.Users on d.ClaimantId equals claimant.Id
        join respondent in db.Users on d.RespondentId equals respondent.Id into joined
        from respondent in joined.DefaultIfEmpty()
        join organisation in db.Organisations on d.RespondentOrganisationId equals organisation.Id into organisations
        from organisation in organisations.DefaultIfEmpty()
        let organisationHidden = organisation != null
            && db.ModeratedItems.Any(m => m.Kind == ContentKind.Organisation && m.ItemId == organisation.Id && m.HiddenAt != null)
        select new DisputeRow(d, claimant.DisplayName,
            organisation != null ? (organisationHidden ? OrganisationNames.HiddenName : organisation.Name)
            : respondent != null ? respondent.DisplayName : d.RespondentName,
            db.ModeratedItems.Where(m => m.Kind == ContentKind.Dispute && m.ItemId == d.Id && m.HiddenAt != null)
                .Select(m => m.HiddenReason).FirstOrDefault())
        { Organisation = organisation, OrganisationHidden = organisationHidden };

    /// <summary>The rows with their settlements' follow-up: one query for the settled ones among them, none when there are none.</summary>
    private async Task<List<DisputeRow>> WithFollowUpsAsync(ForumDbContext db, List<DisputeRow> rows, CancellationToken ct)
    {
        var settled = rows.Where(r => r.Outcome is DisputeOutcome.Settled or DisputeOutcome.SettlementDisputed)
            .Select(r => r.Dispute.Id).ToList();
        if (settled.Count == 0) return rows;
        var states = await followUps.StatesAsync(db, settled, Now, ct);
        return [.. rows.Select(r => states.GetValueOrDefault(r.Dispute.Id) is { } state ? r with { FollowUp = state } : r)];
    }

    /// <summary>What a hidden dispute shows in place of its title, to whoever may not read it.</summary>
    public const string HiddenTitle = "Hidden dispute";

    /// <summary>What a hidden dispute shows in place of the other party's name as the claimant typed it.</summary>
    public const string HiddenPartyName = "the other party";

    /// <param name="readable">
    /// False blanks a hidden dispute's own words (the rows are untracked copies); lists show every hidden dispute blank.
    /// </param>
    private DisputeRow AsOfNow(DisputeRow row, bool readable = false)
    {
        var dispute = row.Dispute.AsOf(Now, options.Value.VotingWindow);
        // A hidden organisation's name is not signed under its agents' words either.
        if (row.OrganisationHidden) dispute.RespondentName = OrganisationNames.HiddenName;
        row = row with { Dispute = dispute, Outcome = outcomes.OutcomeOf(dispute) };
        return readable ? row : AsEveryoneSees(row);
    }
}
