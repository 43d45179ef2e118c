using System.Collections.Concurrent;

namespace ConflictForum.Platform;

/// <summary>
/// One read shared by every open page that needs it after the same change: when a change reaches 5,000 pages, the
/// database is read once, not 5,000 times. A page asks for "at least version N" (the version its event carried); a
/// result that new, or a read started after N was committed, serves it. Pages loading afresh read the database.
/// Keeps the latest result per key, so its values must never be changed by a caller; with <c>servesFor</c>, only while
/// it may still serve (expired results are swept out as reads go by, so keys nobody asks for again are not kept forever).
/// </summary>
/// <param name="versionOf">The version of the dispute a result was read at.</param>
/// <param name="servesFor">How long a result may serve after its read began; unbounded when null. For results that
/// show what can change without the dispute's version moving (a member's display name).</param>
/// <param name="clock">Measures <paramref name="servesFor"/>; the system clock when null.</param>
public sealed class SharedReads<TKey, T>(Func<T, int> versionOf, TimeSpan? servesFor = null, TimeProvider? clock = null)
    where TKey : notnull where T : class
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<TKey, Entry> latest = new();
    private long lastSweep = (clock ?? TimeProvider.System).GetTimestamp();

    /// <summary>Keys with a result kept (for tests).</summary>
    internal int Count => latest.Count;

    /// <param name="load">Reads afresh; it runs once for all the callers it serves, so it takes no caller's cancellation.</param>
    /// <returns>A result at least <paramref name="atLeastVersion"/>; null when there is nothing under the key.</returns>
    public async Task<T?> GetAsync(TKey key, int atLeastVersion, Func<TKey, Task<T?>> load, CancellationToken ct = default)
    {
        SweepExpired();
        while (true)
        {
            latest.TryGetValue(key, out var entry);
            // A read asked for at that version or later (finished, or in flight since after it was committed) serves, once
            // its result proves at least that new: a caller asking for a version never reached cannot pin a stale result.
            if (entry is not null && entry.Requested >= atLeastVersion && !entry.Load.IsFaulted && !entry.Load.IsCanceled
                && (servesFor is not { } limit || clock.GetElapsedTime(entry.Began) <= limit))
            {
                var shared = await entry.Load.WaitAsync(ct);
                if (shared is null || versionOf(shared) >= atLeastVersion) return shared;
            }
            var next = new Entry(atLeastVersion, clock.GetTimestamp(), LoadAfterPublishingAsync(key, load));
            if (entry is null ? latest.TryAdd(key, next) : latest.TryUpdate(key, next, entry))
                return await next.Load.WaitAsync(ct); // begun now: it sees every version committed so far
        }
    }

    /// <summary>At most once per <c>servesFor</c>: drops the finished results too old to serve anyone.</summary>
    private void SweepExpired()
    {
        if (servesFor is not { } limit) return;
        var last = Interlocked.Read(ref lastSweep);
        if (clock.GetElapsedTime(last) <= limit || Interlocked.CompareExchange(ref lastSweep, clock.GetTimestamp(), last) != last) return;
        foreach (var pair in latest)
        {
            // Only that very entry: a newer one put under the key meanwhile stays.
            if (pair.Value.Load.IsCompleted && clock.GetElapsedTime(pair.Value.Began) > limit) latest.TryRemove(pair);
        }
    }

    private static async Task<T?> LoadAfterPublishingAsync(TKey key, Func<TKey, Task<T?>> load)
    {
        await Task.Yield(); // start the read after the entry is published, outside the caller's lock-free loop
        return await load(key);
    }

    private sealed record Entry(int Requested, long Began, Task<T?> Load);
}
