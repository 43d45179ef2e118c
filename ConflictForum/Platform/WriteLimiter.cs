using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Platform;

/// <summary>
/// Per-member write limits, counted in the database inside the write's own transaction, so they hold across app
/// instances. (Clicks inside a circuit never reach ASP.NET Core's rate-limiting middleware.)
/// </summary>
public sealed class WriteLimiter(IOptions<WriteLimitOptions> options)
{
    /// <summary>Refuses with "slow down" when the member is at the limit; otherwise records this write.</summary>
    public async Task<Decision> CheckAndRecordAsync(ForumDbContext db, string userId, WriteAction action,
        DateTime now, CancellationToken ct)
    {
        var recent = await RecentAsync(db, [userId], action, now, ct);
        return CheckAndRecord(db, recent, userId, action, now);
    }

    /// <summary>
    /// Several members' recent writes of one kind, in one query, for <see cref="CheckAndRecord"/> (a batch of votes). Takes
    /// each member's gate first: call it in the write's transaction, before <see cref="CheckAndRecord"/>.
    /// </summary>
    public async Task<Dictionary<string, Recent>> RecentAsync(
        ForumDbContext db, IReadOnlyCollection<string> userIds, WriteAction action, DateTime now, CancellationToken ct)
    {
        await PassGatesAsync(db, userIds, ct);
        var since = now - options.Value.RuleFor(action).Window;
        return await db.WriteEvents.Where(w => userIds.Contains(w.UserId) && w.Action == action && w.At > since)
            .GroupBy(w => w.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count(), Oldest = g.Min(w => w.At) })
            .ToDictionaryAsync(g => g.UserId, g => new Recent(g.Count, g.Oldest), ct);
    }

    /// <summary>
    /// Judges one write against <paramref name="recent"/> and, when allowed, records it there and in <paramref name="db"/>, so the
    /// member's next write in the same batch counts this one.
    /// </summary>
    public Decision CheckAndRecord(ForumDbContext db, Dictionary<string, Recent> recent, string userId, WriteAction action, DateTime now)
    {
        var (limit, window) = options.Value.RuleFor(action);
        var mine = recent.GetValueOrDefault(userId);
        if (mine.Count >= limit)
        {
            return Decision.Denied($"Slow down: try again in {WaitText(mine.Oldest + window - now)}. Your text is kept.");
        }
        recent[userId] = new Recent(mine.Count + 1, mine.Count == 0 ? now : mine.Oldest);
        db.WriteEvents.Add(new WriteEvent { UserId = userId, Action = action, At = now });
        return Decision.Granted;
    }

    /// <summary>
    /// Counting then inserting holds a limit only if no two writes of one member count at once. SQLite has one writer at a
    /// time, but SQL Server under READ COMMITTED lets two transactions (two disputes' locks, two instances) both count before
    /// either inserts. So each limited write first updates its member's gate row: the update's exclusive row lock is held to
    /// commit, a second write of the member waits on it, and its count, a statement run after the wait, reads the events
    /// the first committed. Members not yet gated get their row inserted with the write: should two first writes race, both
    /// insert one key and the unique key refuses the second whole, so the limit holds then too. Gates are taken in key
    /// order by one statement (a scan of the key), so two batches sharing members queue rather than deadlock; callers take the gate
    /// after their dispute's lock (opening a dispute, with none), and nothing takes a dispute's lock after a gate.
    /// </summary>
    private static async Task PassGatesAsync(ForumDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Where(id => db.WriteGates.Local.All(g => g.UserId != id)).Distinct().ToList();
        if (ids.Count == 0) return;
        var passed = await db.WriteGates.Where(g => ids.Contains(g.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Writes, g => g.Writes + 1), ct);
        if (passed == ids.Count) return;
        var gated = await db.WriteGates.AsNoTracking().Where(g => ids.Contains(g.UserId)).Select(g => g.UserId).ToListAsync(ct);
        foreach (var id in ids.Except(gated)) db.WriteGates.Add(new WriteGate { UserId = id, Writes = 1 });
    }

    /// <summary>
    /// How long until the oldest counted write leaves the window, so the next one is allowed: "40 seconds", "3 minutes",
    /// "24 hours". Rounded up, never down: a member who waits as long as it says is not refused again.
    /// </summary>
    public static string WaitText(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        if (seconds < 120) return seconds == 1 ? "1 second" : $"{seconds} seconds";
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        return minutes < 120 ? $"{minutes} minutes" : $"{(int)Math.Ceiling(minutes / 60.0)} hours";
    }

    /// <summary>How many writes of one kind a member made in the window, and when the oldest of them was.</summary>
    public readonly record struct Recent(int Count, DateTime Oldest);

    /// <summary>Deletes events older than the longest window; they can no longer count against anyone.</summary>
    public Task<int> PruneAsync(ForumDbContext db, DateTime now, CancellationToken ct)
    {
        var longest = Enum.GetValues<WriteAction>().Max(a => options.Value.RuleFor(a).Window);
        var cutoff = now - longest;
        return db.WriteEvents.Where(w => w.At < cutoff).ExecuteDeleteAsync(ct);
    }
}
