using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Keeps each dispute's <see cref="DisputeSearchText"/> current in the transaction of every step that changes its words
/// (opening, the respondent joining, a statement, a moderator's decision), so the index never misses a saved change and
/// never holds what a moderator hid. Other steps (votes, comments, offers) leave it alone.
/// </summary>
internal sealed class DisputeSearchIndexer : IDisputeCommitting
{
    private static readonly HashSet<TimelineKind> Rewording =
        [TimelineKind.DisputeOpened, TimelineKind.RespondentJoined, TimelineKind.StatementPosted, TimelineKind.StatementEdited,
            TimelineKind.Moderation];

    public async Task<IReadOnlyCollection<string>> OnCommittingAsync(ForumDbContext db, Dispute dispute,
        IReadOnlyList<TimelineEntry> appended, CancellationToken ct)
    {
        if (appended.Any(e => Rewording.Contains(e.Kind))) await IndexAsync(db, dispute, ct);
        return [];
    }

    /// <summary>Writes the dispute's document as this context sees it (changes not yet saved included).</summary>
    internal static async Task IndexAsync(ForumDbContext db, Dispute dispute, CancellationToken ct)
    {
        var text = string.Join('\n', await WordsOfAsync(db, dispute, ct));
        var row = await db.DisputeSearchTexts.FindAsync([dispute.Id], ct);
        if (row is null) db.DisputeSearchTexts.Add(new DisputeSearchText { DisputeId = dispute.Id, Text = text });
        else row.Text = text;
    }

    private static async Task<List<string>> WordsOfAsync(ForumDbContext db, Dispute dispute, CancellationToken ct)
    {
        // Tracked reads: rows this write changed come back as changed, and rows it added are in Local.
        var statements = (await db.Statements.Where(s => s.DisputeId == dispute.Id).ToListAsync(ct))
            .Union(db.Statements.Local.Where(s => s.DisputeId == dispute.Id)).ToList();
        var moderated = (await db.ModeratedItems.Where(m => m.DisputeId == dispute.Id
                && (m.Kind == ContentKind.Dispute || m.Kind == ContentKind.Statement)).ToListAsync(ct))
            .Union(db.ModeratedItems.Local.Where(m => m.DisputeId == dispute.Id)).ToList();
        bool Hidden(ContentKind kind, long id) => moderated.Exists(m => m.Kind == kind && m.ItemId == id && m.IsHidden);
        if (Hidden(ContentKind.Dispute, dispute.Id)) return []; // its words are hidden, so nothing matches it

        var partyIds = new[] { dispute.ClaimantId, dispute.RespondentId };
        var words = new List<string> { dispute.Title, dispute.Summary, dispute.RespondentName };
        words.AddRange(await db.Users.Where(u => partyIds.Contains(u.Id)).Select(u => u.DisplayName).ToListAsync(ct));
        if (dispute.RespondentOrganisationId is { } organisation)
            words.AddRange(await db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).ToListAsync(ct));
        words.AddRange(statements.Where(s => !Hidden(ContentKind.Statement, s.Id)).Select(s => s.Source));
        return words;
    }
}
