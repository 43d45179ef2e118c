using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// One read of a dispute's row shared by every open page that needs it after the same change (<see cref="SharedReads{TKey, T}"/>):
/// when a vote reaches 5,000 pages, the database is read once, not 5,000 times.
/// </summary>
public sealed class DisputeSnapshots(IDbContextFactory<ForumDbContext> dbFactory)
{
    private readonly SharedReads<int, Dispute> rows = new(dispute => dispute.Version);

    /// <returns>A private copy of the row, at least <paramref name="atLeastVersion"/>; null when the dispute does not exist.</returns>
    public async Task<Dispute?> GetAsync(int disputeId, int atLeastVersion, CancellationToken ct = default) =>
        (await rows.GetAsync(disputeId, atLeastVersion, LoadAsync, ct))?.Copy();

    private async Task<Dispute?> LoadAsync(int disputeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Disputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disputeId);
    }
}
