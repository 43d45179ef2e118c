using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// The home page's lists, read at most once per <see cref="FrontPageOptions.CacheFor"/> per instance and shared by every reader:
/// they hold nothing of any member (what a member must do is read per request, beside them).
/// </summary>
public sealed class FrontPageCache(HybridCache cache, DisputeQueries queries, TimeProvider clock, IOptions<FrontPageOptions> options)
{
    /// <summary>Kept in this instance's memory only: the lists are cheap to read again and not worth a trip to a shared cache.</summary>
    private const HybridCacheEntryFlags LocalOnly = HybridCacheEntryFlags.DisableDistributedCache;

    public ValueTask<FrontPage> GetAsync(CancellationToken ct = default)
    {
        var every = options.Value.CacheFor;
        // The key names the interval on the app's clock, so the lists are read again when it moves on, whatever clock the
        // memory cache keeps its own expiry by; the expiry only lets a past interval's lists go. Readers who arrive together
        // at a new interval wait for one read (HybridCache runs one factory per key).
        var interval = clock.GetUtcNow().UtcTicks / every.Ticks;
        return cache.GetOrCreateAsync($"front-page:{interval}", queries,
            static (queries, ct) => new ValueTask<FrontPage>(queries.FrontPageAsync(ct)),
            new HybridCacheEntryOptions { Expiration = every, LocalCacheExpiration = every, Flags = LocalOnly },
            cancellationToken: ct);
    }
}
