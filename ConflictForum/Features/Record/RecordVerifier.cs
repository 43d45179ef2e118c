using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Record;

/// <summary>
/// "Verify record": a dispute's timeline held to its anchor, and the content its entries recorded held to the rows shown.
/// </summary>
public sealed class RecordVerifier(IDbContextFactory<ForumDbContext> dbFactory, TimelineWriter timeline, MarkdownRenderer markdown)
{
    /// <summary>
    /// Recomputes the dispute's hash chain and holds it to the anchor on the dispute's row, then checks every piece of content
    /// an entry recorded the hash of (statement versions, comments and their edits, resolutions, offers, mediators' proposals,
    /// the settlement, the reports on it)
    /// against the rows readers are shown; names the first entry that does not match.
    /// </summary>
    public async Task<ChainVerdict> VerifyRecordAsync(int disputeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Content written while this reads (a comment and its entry) would look unrecorded: read again until no entry was
        // appended meanwhile, as every write of content appends one.
        var length = db.Disputes.Where(d => d.Id == disputeId).Select(d => (int?)d.TimelineLength);
        for (var attempt = 1; ; attempt++)
        {
            var before = await length.SingleOrDefaultAsync(ct);
            var verdict = await VerifyRecordOnceAsync(db, disputeId, ct);
            if (verdict.Intact || attempt == 12 || await length.SingleOrDefaultAsync(ct) == before) return verdict;
            // A busy dispute: give the writes a moment to pass before reading it again.
            await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt), ct);
        }
    }

    private async Task<ChainVerdict> VerifyRecordOnceAsync(ForumDbContext db, int disputeId, CancellationToken ct)
    {
        var chain = await timeline.VerifyAsync(db, disputeId, ct);
        var problems = new List<(int? Sequence, string Problem)>();
        if (!chain.Intact) problems.Add((chain.FirstBrokenSequence, chain.Message));
        void Add(int? sequence, string problem) => problems.Add((sequence, $"The record is broken: {problem}."));

        var recorded = await db.TimelineEntries.AsNoTracking()
            .Where(e => e.DisputeId == disputeId && e.ContentHash != null && e.Reference != null)
            .OrderBy(e => e.Sequence)
            .Select(e => new Recorded(e.Sequence, e.Kind, e.Reference!, e.ContentHash, e.Summary))
            .ToListAsync(ct);
        await CheckStatementsAsync(db, disputeId, recorded, Add, ct);
        await CheckCommentsAsync(db, disputeId, recorded, Add, ct);
        await CheckResolutionsAsync(db, disputeId, recorded, Add, ct);
        await CheckTermsAsync(db, disputeId, recorded, Add, ct);
        await CheckReportsAsync(db, disputeId, recorded, Add, ct);

        if (problems.Count == 0) return chain;
        var first = problems.OrderBy(p => p.Sequence ?? int.MaxValue).First();
        return new ChainVerdict(false, chain.EntryCount, first.Sequence, first.Problem);
    }

    /// <summary>An entry that recorded the hash of some content, and the content it points to.</summary>
    private sealed record Recorded(int Sequence, TimelineKind Kind, string Reference, string? ContentHash, string Summary);

    private static async Task CheckStatementsAsync(ForumDbContext db, int disputeId, List<Recorded> recorded, Action<int?, string> add,
        CancellationToken ct)
    {
        var revisions = await db.StatementRevisions.AsNoTracking()
            .Join(db.Statements.Where(s => s.DisputeId == disputeId), r => r.StatementId, s => s.Id,
                (r, s) => new { s.Role, r.Number, r.Source, r.Html })
            .ToListAsync(ct);
        foreach (var entry in recorded.Where(e => e.Reference.StartsWith("statement:", StringComparison.Ordinal)))
        {
            var revision = revisions.SingleOrDefault(r => DisputeService.StatementReference(r.Role, r.Number) == entry.Reference);
            if (revision is null || TimelineWriter.ContentHashOf(revision.Source, revision.Html) != entry.ContentHash)
                add(entry.Sequence, $"the statement version that entry {entry.Sequence} points to was changed or removed");
        }

        // What readers see is the statement row: it must be its newest recorded version, word for word.
        var shown = await db.Statements.AsNoTracking().Where(s => s.DisputeId == disputeId)
            .Select(s => new { s.Role, s.Revision, s.Source, s.Html }).ToListAsync(ct);
        foreach (var statement in shown)
        {
            var newest = revisions.Where(r => r.Role == statement.Role).MaxBy(r => r.Number);
            if (newest is null || newest.Number != statement.Revision || newest.Source != statement.Source || newest.Html != statement.Html)
                add(null, $"the {statement.Role.ToString().ToLowerInvariant()}'s statement on display differs from its recorded version");
        }
    }

    /// <summary>
    /// A comment's versions (each earlier text, then the one shown) pair off with its entries: posted, then one per edit.
    /// </summary>
    private async Task CheckCommentsAsync(ForumDbContext db, int disputeId, List<Recorded> recorded, Action<int?, string> add,
        CancellationToken ct)
    {
        var comments = await db.Comments.AsNoTracking().Where(c => c.DisputeId == disputeId)
            .Select(c => new
            {
                c.Id, c.Source, c.Html, Revisions = c.Revisions.OrderBy(r => r.Id).Select(r => new { r.Source, r.Html }).ToList(),
            })
            .ToListAsync(ct);
        var commentEntries = recorded.Where(e => e.Kind is TimelineKind.CommentPosted or TimelineKind.CommentEdited)
            .ToLookup(e => e.Reference);
        foreach (var comment in comments)
        {
            var entries = commentEntries[$"comment:{comment.Id}"].ToList();
            // A revision from before edits were recorded keeps no HTML: it is rendered again, as it was when saved.
            var versions = comment.Revisions.Select(r => TimelineWriter.ContentHashOf(r.Source, r.Html ?? markdown.Render(r.Source).Html))
                .Append(TimelineWriter.ContentHashOf(comment.Source, comment.Html)).ToList();
            if (entries.Count == 0)
                add(null, "a comment that is not on the record is shown");
            else if (entries.Select((e, i) => i < versions.Count && versions[i] == e.ContentHash ? null : e)
                .FirstOrDefault(e => e is not null) is { } bad)
                add(bad.Sequence, $"the comment that entry {bad.Sequence} points to was changed or removed");
            else if (versions.Count > entries.Count)
                // Its text is not the version last recorded. An edit from before edits were recorded left a revision
                // without HTML: said so, but still reported, since a row like it can be forged.
                add(entries[^1].Sequence, comment.Revisions.Skip(entries.Count - 1).Any(r => r.Html is null)
                    ? $"the comment that entry {entries[^1].Sequence} points to was edited before edits were recorded, or changed since"
                    : $"the comment that entry {entries[^1].Sequence} points to was changed or removed");
        }
        foreach (var entry in commentEntries.Where(g => !comments.Exists(c => $"comment:{c.Id}" == g.Key)).Select(g => g.First()))
            add(entry.Sequence, $"the comment that entry {entry.Sequence} points to was changed or removed");
    }

    /// <summary>
    /// Every offer, mediator's proposal and the settlement: terms, amount, currency and date under the hash their entry keeps.
    /// </summary>
    private static async Task CheckTermsAsync(ForumDbContext db, int disputeId, List<Recorded> recorded, Action<int?, string> add,
        CancellationToken ct)
    {
        var shown = (await db.Offers.AsNoTracking().Where(o => o.DisputeId == disputeId).ToListAsync(ct))
            .Select(o => (Reference: $"offer:{o.Id}", o.Terms.Hash))
            .Concat((await db.MediatorProposals.AsNoTracking().Where(p => p.DisputeId == disputeId).ToListAsync(ct))
                .Select(p => (Reference: $"proposal:{p.Id}", p.Terms.Hash)))
            .Concat((await db.Settlements.AsNoTracking().Where(s => s.DisputeId == disputeId).ToListAsync(ct))
                .Select(s => (Reference: $"settlement:{s.Id}", s.Terms.Hash)))
            .ToDictionary(t => t.Reference, t => t.Hash);
        var made = recorded.Where(e => e.Kind is TimelineKind.OfferMade or TimelineKind.MediatorProposed or TimelineKind.Settled).ToList();
        foreach (var entry in made)
        {
            if (!shown.TryGetValue(entry.Reference, out var hash) || hash != entry.ContentHash)
                add(entry.Sequence, $"the {TermsName(entry.Kind)} that entry {entry.Sequence} points to was changed or removed");
        }
        if (shown.Keys.Any(reference => !made.Exists(e => e.Reference == reference)))
            add(null, "an offer, proposal or settlement that is not on the record is shown");
    }

    private static string TermsName(TimelineKind kind) => kind switch
    {
        TimelineKind.OfferMade => "offer",
        TimelineKind.MediatorProposed => "mediator's proposal",
        _ => "settlement",
    };

    /// <summary>A resolution's title is in its entry's summary, its text under the entry's hash.</summary>
    private static async Task CheckResolutionsAsync(ForumDbContext db, int disputeId, List<Recorded> recorded, Action<int?, string> add,
        CancellationToken ct)
    {
        var resolutions = await db.Resolutions.AsNoTracking().Where(r => r.DisputeId == disputeId)
            .Select(r => new { r.Id, r.Title, r.Source, r.Html }).ToListAsync(ct);
        var proposals = recorded.Where(e => e.Kind == TimelineKind.ResolutionProposed).ToList();
        foreach (var entry in proposals)
        {
            var resolution = resolutions.SingleOrDefault(r => $"resolution:{r.Id}" == entry.Reference);
            if (resolution is null || TimelineWriter.ContentHashOf(resolution.Source, resolution.Html) != entry.ContentHash
                || !entry.Summary.Contains($"“{resolution.Title}”", StringComparison.Ordinal))
                add(entry.Sequence, $"the resolution that entry {entry.Sequence} points to was changed or removed");
        }
        if (resolutions.Exists(r => !proposals.Exists(e => e.Reference == $"resolution:{r.Id}")))
            add(null, "a resolution that is not on the record is shown");
    }

    /// <summary>Each report on the settlement (verdict and note) and its answer, under the hashes their two entries keep.</summary>
    private static async Task CheckReportsAsync(ForumDbContext db, int disputeId, List<Recorded> recorded, Action<int?, string> add,
        CancellationToken ct)
    {
        var reports = (await db.SettlementReports.AsNoTracking().Where(r => r.DisputeId == disputeId).ToListAsync(ct))
            .ToDictionary(r => $"report:{r.Id}");
        var entries = recorded.Where(e => e.Kind is TimelineKind.SettlementReported or TimelineKind.SettlementReportAnswered).ToList();
        foreach (var entry in entries)
        {
            var hash = !reports.TryGetValue(entry.Reference, out var report) ? null
                : entry.Kind == TimelineKind.SettlementReported ? report.Hash : report.AnswerHash;
            if (hash != entry.ContentHash)
                add(entry.Sequence, $"the report on the settlement that entry {entry.Sequence} points to was changed or removed");
        }
        foreach (var (reference, report) in reports)
        {
            if (!entries.Exists(e => e.Reference == reference && e.Kind == TimelineKind.SettlementReported)
                || (report.AnsweredAt is not null
                    && !entries.Exists(e => e.Reference == reference && e.Kind == TimelineKind.SettlementReportAnswered)))
                add(null, "a report on the settlement, or an answer to one, that is not on the record is shown");
        }
    }
}
