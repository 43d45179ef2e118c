using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Deliberation;

/// <summary>Comments and resolutions as a viewer sees them (the tally: <c>DeliberationService.FaultVotes.cs</c>).</summary>
public sealed class DeliberationQueries(IDbContextFactory<ForumDbContext> dbFactory, IOptions<DisputeOptions> disputes,
    ForumGuardian guardian, TimeProvider clock)
{
    public const int ThreadsPerPage = 30;

    /// <summary>Kept only while they may serve: an author's display name can change without the dispute's version moving.</summary>
    private readonly SharedReads<CommentRowsKey, CommentRows> sharedRows =
        new(rows => rows.Dispute.Version, TimeSpan.FromSeconds(30), clock);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Threads in <paramref name="order"/> after <paramref name="after"/> (a top-level comment id, for the oldest and newest
    /// orders) or past the first <paramref name="skip"/> (most replied), so a page costs the same however long the discussion.
    /// </summary>
    /// <param name="including">A comment someone linked to (<see cref="DisputeAddresses.CommentUrl"/>): its thread comes first
    /// when the page would not hold it. Null: none.</param>
    /// <param name="atLeastVersion">After a change event: its version, so the rows read once for every open page that shows the
    /// same threads serve this one too (<see cref="SharedReads{TKey, T}"/>), and only this reader's view of them is worked out
    /// here. Null reads the database afresh.</param>
    public async Task<CommentPage> CommentsAsync(int disputeId, ForumActor viewer, int? after = null, int? take = null,
        CommentOrder order = CommentOrder.Oldest, int skip = 0, int? including = null, int? atLeastVersion = null,
        CancellationToken ct = default)
    {
        var key = new CommentRowsKey(disputeId, order, Math.Clamp(take ?? ThreadsPerPage, 1, 10 * ThreadsPerPage), including);
        var rows = atLeastVersion is { } version && after is null && skip <= 0
            ? await sharedRows.GetAsync(key, version, k => ReadRowsAsync(k, null, 0, CancellationToken.None), ct)
            : await ReadRowsAsync(key, after, skip, ct);
        return View(rows!, viewer);
    }

    /// <summary>The threads' rows as they are for everyone: the dispute, the comments and their authors' names, their moderation.</summary>
    private async Task<CommentRows?> ReadRowsAsync(CommentRowsKey key, int? after, int skip, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dispute = await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == key.DisputeId, ct);
        var tops = await Projected(db, Ordered(db, key.DisputeId, key.Order, after, Math.Max(skip, 0)).Take(key.Take + 1)).ToListAsync(ct);
        var more = tops.Count > key.Take;
        if (more) tops.RemoveAt(tops.Count - 1);
        var next = more ? tops[^1].Comment.Id : (int?)null;
        if (key.Including is { } linked && await LinkedThreadAsync(db, key.DisputeId, linked, ct) is { } thread
            && tops.All(t => t.Comment.Id != thread.Comment.Id))
            tops.Insert(0, thread);
        var ids = tops.Select(t => t.Comment.Id).ToList();
        var replies = await Projected(db, db.Comments
            .Where(c => c.DisputeId == key.DisputeId && c.ParentId != null && ids.Contains(c.ParentId.Value))
            .OrderBy(c => c.Id)).ToListAsync(ct);
        // Hidden or not: a hidden one is shown as such, and an author's own comment under review cannot be edited or deleted.
        var shown = ids.Concat(replies.Select(r => r.Comment.Id)).Select(id => (long)id).ToList();
        var moderated = await db.ModeratedItems.AsNoTracking()
            .Where(m => m.DisputeId == key.DisputeId && m.Kind == ContentKind.Comment && shown.Contains(m.ItemId)).ToListAsync(ct);
        return new CommentRows(dispute, tops, replies, moderated, next,
            await HiddenOrganisationRedaction.HiddenByAsync(db, dispute.RespondentOrganisationId, ct));
    }

    /// <summary>The threads as <paramref name="viewer"/> sees them; <paramref name="rows"/> are shared and left unchanged.</summary>
    private CommentPage View(CommentRows rows, ForumActor viewer)
    {
        var dispute = rows.Dispute.Copy().AsOf(Now, disputes.Value.VotingWindow);
        HiddenOrganisationRedaction.BlankFor(dispute, rows.OrganisationHiddenBy, guardian, viewer);
        var hidden = HiddenItems.Of(guardian, rows.Moderated.Where(m => m.HiddenAt != null), viewer);
        var reviews = rows.Moderated.ToDictionary(m => m.ItemId);

        CommentView View((Comment Comment, string AuthorName) row)
        {
            var c = row.Comment;
            var deleted = c.DeletedAt is not null;
            var notice = deleted ? null : hidden.For(ContentKind.Comment, c.Id);
            var readable = !deleted && notice?.ShowContent != false;
            // Only the author edits or deletes, and not while a moderator reviews: the state of the viewer's own comment.
            var review = viewer.Is(c.AuthorId) && !deleted ? reviews.GetValueOrDefault(c.Id) : null;
            return new CommentView(c.Id, c.ParentId, c.AuthorId, dispute.SignedName(row.AuthorName, c.AuthorRole), c.AuthorRole,
                readable ? c.Html : null, c.CreatedAt,
                c.EditedAt is not null, deleted,
                guardian.CanEditComment(viewer, dispute, c, review).Allowed,
                guardian.CanDeleteComment(viewer, dispute, c, review).Allowed,
                viewer.Is(c.AuthorId) && !deleted ? c.Source : null, notice);
        }

        var threads = rows.Tops.Select(t => new CommentThread(View(t),
            rows.Replies.Where(r => r.Comment.ParentId == t.Comment.Id).Select(View).ToList())).ToList();
        return new CommentPage(threads, rows.NextAfter, dispute.CommentCount, dispute.Version);
    }

    public async Task<IReadOnlyList<ResolutionView>> ResolutionsAsync(int disputeId, ForumActor viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from r in db.Resolutions.AsNoTracking().Where(r => r.DisputeId == disputeId)
                          join u in db.Users on r.ProposerId equals u.Id
                          select new { Resolution = r, u.DisplayName }).ToListAsync(ct);
        var ids = rows.Select(r => r.Resolution.Id).ToList();
        var mine = viewer.IsSignedIn
            ? await db.Stances.Where(s => ids.Contains(s.ResolutionId) && s.VoterId == viewer.UserId)
                .ToDictionaryAsync(s => s.ResolutionId, s => s.Supports, ct)
            : [];
        var hidden = await HiddenItems.LoadAsync(guardian, db, disputeId, viewer, ContentKind.Resolution, ct: ct);
        // Ranked by the lower bound of the 95% interval of support, not by raw counts.
        return rows
            .Select(x => (x.Resolution, x.DisplayName, Hidden: hidden.For(ContentKind.Resolution, x.Resolution.Id)))
            .Select(x => new ResolutionView(x.Resolution.Id, x.Hidden?.ShowContent == false ? "Hidden resolution" : x.Resolution.Title,
                x.Hidden?.ShowContent == false ? "" : x.Resolution.Html, x.Resolution.ProposerId, x.DisplayName, x.Resolution.CreatedAt,
                x.Resolution.Support, x.Resolution.Oppose, Share.Of(x.Resolution.Support, x.Resolution.Support + x.Resolution.Oppose),
                x.Resolution.ClaimantAnswer, x.Resolution.RespondentAnswer, mine.TryGetValue(x.Resolution.Id, out var s) ? s : null,
                x.Hidden))
            .OrderByDescending(v => v.SupportShare.Low).ThenBy(v => v.CreatedAt)
            .ToList();
    }

    /// <summary>
    /// The dispute's top-level comments in <paramref name="order"/>. Most replied counts, in the query, the replies a reader
    /// sees (not deleted, not hidden: the dispute's few hidden items read once, not looked up per reply), through the index on
    /// (dispute, parent, id); the newest breaks ties.
    /// </summary>
    private static IQueryable<Comment> Ordered(ForumDbContext db, int disputeId, CommentOrder order, int? after, int skip)
    {
        var tops = db.Comments.Where(c => c.DisputeId == disputeId && c.ParentId == null);
        if (order == CommentOrder.Newest) return tops.Where(c => after == null || c.Id < after).OrderByDescending(c => c.Id);
        if (order != CommentOrder.MostReplied) return tops.Where(c => c.Id > (after ?? 0)).OrderBy(c => c.Id);
        var hidden = db.ModeratedItems.Where(m => m.DisputeId == disputeId && m.Kind == ContentKind.Comment && m.HiddenAt != null)
            .Select(m => m.ItemId);
        return tops.OrderByDescending(c => db.Comments.Count(r => r.DisputeId == disputeId && r.ParentId == c.Id
                && r.DeletedAt == null && !hidden.Contains(r.Id)))
            .ThenByDescending(c => c.Id).Skip(skip);
    }

    /// <summary>The thread of <paramref name="commentId"/> (the comment, or the one it replies to); null if not on the dispute.</summary>
    private static async Task<(Comment Comment, string AuthorName)?> LinkedThreadAsync(ForumDbContext db, int disputeId, int commentId,
        CancellationToken ct)
    {
        var top = await db.Comments.Where(c => c.Id == commentId && c.DisputeId == disputeId)
            .Select(c => c.ParentId ?? c.Id).FirstOrDefaultAsync(ct);
        if (top == 0) return null;
        var rows = await Projected(db, db.Comments.Where(c => c.Id == top)).ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private static IQueryable<(Comment Comment, string AuthorName)> Projected(ForumDbContext db, IQueryable<Comment> comments) =>
        comments.Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new ValueTuple<Comment, string>(c, u.DisplayName));

    private readonly record struct CommentRowsKey(int DisputeId, CommentOrder Order, int Take, int? Including);

    private sealed record CommentRows(Dispute Dispute, List<(Comment Comment, string AuthorName)> Tops,
        List<(Comment Comment, string AuthorName)> Replies, List<ModeratedItem> Moderated, int? NextAfter, string? OrganisationHiddenBy);
}
