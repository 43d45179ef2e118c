using System.Collections.Concurrent;
using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// One read of a dispute's row shared by every open page that needs it after the same change: when a vote reaches
/// 5,000 pages, the database is read once, not 5,000 times. A page asks for "at least version N" (the version its event
/// carried); a copy that new, or a read started after N was committed, serves it. Pages loading afresh read the database.
/// </summary>
public sealed class DisputeSnapshots(IDbContextFactory<ForumDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<int, Entry> latest = new();

    /// <returns>A private copy of the row, at least <paramref name="atLeastVersion"/>; null when the dispute does not exist.</returns>
    public async Task<Dispute?> GetAsync(int disputeId, int atLeastVersion, CancellationToken ct = default)
    {
        while (true)
        {
            latest.TryGetValue(disputeId, out var entry);
            // A read asked for at that version or later (finished, or in flight since after it was committed) serves, once
            // its row proves at least that new: a caller asking for a version the row never had cannot pin a stale row.
            if (entry is not null && entry.Requested >= atLeastVersion && !entry.Load.IsFaulted && !entry.Load.IsCanceled)
            {
                var shared = await entry.Load;
                if (shared is null || shared.Version >= atLeastVersion) return shared?.Copy();
            }
            var next = new Entry(atLeastVersion, LoadAsync(disputeId));
            if (entry is null ? latest.TryAdd(disputeId, next) : latest.TryUpdate(disputeId, next, entry))
                return (await next.Load)?.Copy(); // begun now: it sees every version committed so far
        }
    }

    private async Task<Dispute?> LoadAsync(int disputeId)
    {
        await Task.Yield(); // start the read after the entry is published, outside the caller's lock-free loop
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Disputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disputeId);
    }

    private sealed record Entry(int Requested, Task<Dispute?> Load);
}
