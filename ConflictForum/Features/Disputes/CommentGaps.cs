using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// The placeholders of a dispute page's timeline: the page leaves out the entries about comments (its discussion shows them), and
/// says so where each run of them was, so the numbers run on; a comment since hidden is named as such, with why.
/// </summary>
internal static class CommentGaps
{
    /// <param name="shown">The entries the page shows, up to <paramref name="last"/>, oldest first.</param>
    /// <param name="last">The newest entry's number, read before <paramref name="shown"/>.</param>
    public static async Task<IReadOnlyList<TimelineGap>> ReadAsync(ForumDbContext db, int disputeId, IReadOnlyList<TimelineEntry> shown,
        int last, CancellationToken ct)
    {
        if (shown.Count == last) return []; // nothing left out: the common case costs no read
        // Few comments are hidden: their entries are read, never the run of ordinary ones.
        var hidden = await db.ModeratedItems.AsNoTracking()
            .Where(m => m.DisputeId == disputeId && m.Kind == ContentKind.Comment && m.HiddenAt != null)
            .Select(m => new { m.ItemId, m.HiddenById, m.HiddenReason }).ToListAsync(ct);
        var why = hidden.ToDictionary(m => $"comment:{m.ItemId}",
            m => m.HiddenById is null ? m.HiddenReason ?? "" : $"Hidden by a moderator: {m.HiddenReason}");
        var references = why.Keys.ToList();
        var hiddenEntries = references.Count == 0 ? [] : await db.TimelineEntries.AsNoTracking()
            .Where(e => e.DisputeId == disputeId && e.Sequence <= last
                && (e.Kind == TimelineKind.CommentPosted || e.Kind == TimelineKind.CommentEdited)
                && e.Reference != null && references.Contains(e.Reference))
            .Select(e => new { e.Sequence, e.Kind, e.Reference }).ToListAsync(ct);
        var special = hiddenEntries.ToDictionary(e => e.Sequence,
            e => $"{(e.Kind == TimelineKind.CommentEdited ? "An edit of a comment" : "A comment")} since hidden. {why[e.Reference!]}");
        var gaps = TimelineGap.Between(shown.Select(e => e.Sequence), last,
            sequence => special.GetValueOrDefault(sequence) ?? Ordinary);
        return gaps.Select(g => g.Text != Ordinary || g.From == g.To ? g
            : g with { Text = $"{g.To - g.From + 1} comments and edits of comments: the discussion shows them." }).ToList();
    }

    private const string Ordinary = "A comment or an edit of one: the discussion shows it.";
}
