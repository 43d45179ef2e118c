using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Moderation;

/// <summary>
/// What the reader of one page already flagged, so a flag button says "Flagged" instead of offering the flag again. Scoped:
/// a dispute's page reads the reader's flags on the whole dispute at once (<see cref="LoadAsync"/>, one indexed query
/// whatever the number of comments), and a flag sent from the page joins them.
/// </summary>
public sealed class ReaderFlags(IDbContextFactory<ForumDbContext> dbFactory)
{
    private HashSet<(ContentKind, long)> flagged = [];
    private string? loadedFor;

    /// <summary>Reads every item of the dispute that <paramref name="viewer"/> flagged, replacing what was read before.</summary>
    public async Task LoadAsync(ForumActor viewer, int disputeId, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn)
        {
            (flagged, loadedFor) = ([], null);
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Flags.AsNoTracking().Where(f => f.DisputeId == disputeId && f.FlaggerId == viewer.UserId)
            .Select(f => new { f.Kind, f.ItemId }).ToListAsync(ct);
        (flagged, loadedFor) = ([.. rows.Select(r => (r.Kind, r.ItemId))], viewer.UserId);
    }

    /// <summary>Whether the page's reader flagged the item, as of <see cref="LoadAsync"/> and the flags sent since.</summary>
    public bool Has(ContentKind kind, long itemId) => flagged.Contains((kind, itemId));

    /// <summary>
    /// Whether <paramref name="viewer"/> flagged the item: from the page's read when there was one for them, else one read of the
    /// item (a page with a single flag button, such as an organisation's).
    /// </summary>
    public async Task<bool> HasAsync(ForumActor viewer, ContentKind kind, long itemId, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return false;
        if (loadedFor == viewer.UserId) return Has(kind, itemId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Flags.AnyAsync(f => f.Kind == kind && f.ItemId == itemId && f.FlaggerId == viewer.UserId, ct);
    }

    /// <summary>The reader just flagged the item.</summary>
    public void Add(ContentKind kind, long itemId) => flagged.Add((kind, itemId));
}
