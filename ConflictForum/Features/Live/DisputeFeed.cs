using System.Collections.Immutable;
using ConflictForum.Platform;

namespace ConflictForum.Features.Live;

/// <summary>
/// The regions of one dispute for every open stream of it on this instance: it listens to the dispute's changes, renders
/// the regions a change moved once for all of them (as a reader who is not signed in sees them), and writes the frame to
/// each stream itself. A storm is coalesced: the first change of a quiet dispute renders at once, later ones at most every
/// <see cref="Interval"/>, all the flags that arrived meanwhile in one render, so a hundred votes a second cost four
/// renders a second, whatever the readers.
/// </summary>
public sealed partial class DisputeFeed : IDisposable
{
    /// <summary>The shortest time between two renders of one dispute.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Streams one work item writes a frame to: enough that queuing it costs nothing beside the writes, few enough that every core
    /// takes part.
    /// </summary>
    private const int StreamsPerDelivery = 256;

    private readonly IServiceScopeFactory scopes;
    private readonly SharedMarkup markup;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly IDisposable subscription;
    private readonly CancellationTokenSource closing = new();
    private readonly Lock gate = new();
    private readonly HashSet<LiveStream> streams = [];
    private LiveStream[]? joined;
    private LiveFrame? latest;
    private int pending;
    private int scheduled;
    private DateTimeOffset lastRender = DateTimeOffset.MinValue;

    internal DisputeFeed(int disputeId, IDisputeEvents events, IServiceScopeFactory scopes, SharedMarkup markup, TimeProvider clock,
        ILogger logger)
    {
        (DisputeId, this.scopes, this.markup, this.clock, this.logger) = (disputeId, scopes, markup, clock, logger);
        // Listen before the first render, so nothing that commits while it renders is missed.
        subscription = events.Subscribe(disputeId, OnChangedAsync);
        First = Task.Run(() => RenderAsync(DisputeChanges.All));
        Newest = () => Latest;
    }

    public int DisputeId { get; }

    /// <summary>Streams of this feed open now (the hub counts them under its lock).</summary>
    internal int Streams { get; set; }

    /// <summary>The first frame: every region at the version current when the feed opened; null when the dispute does not exist.</summary>
    public Task<LiveFrame?> First { get; }

    /// <summary>The newest frame.</summary>
    public LiveFrame? Latest => Volatile.Read(ref latest);

    /// <summary><see cref="Latest"/>, one delegate for all the feed's streams.</summary>
    internal Func<LiveFrame?> Newest { get; }

    /// <summary>
    /// From now on <paramref name="stream"/> receives every frame; it starts with the newest (after <see cref="First"/>).
    /// </summary>
    internal void Join(LiveStream stream)
    {
        LiveFrame newest;
        lock (gate)
        {
            streams.Add(stream);
            joined = null;
            newest = latest!;
        }
        stream.Send(newest);
    }

    internal void Leave(LiveStream stream)
    {
        lock (gate)
        {
            if (streams.Remove(stream)) joined = null;
        }
    }

    /// <summary>Every stream writes the heartbeat comment.</summary>
    internal void Beat()
    {
        foreach (var stream in Joined()) stream.Beat();
    }

    /// <summary>Ends every open stream (the server stops).</summary>
    internal void EndStreams()
    {
        foreach (var stream in Joined()) stream.End();
    }

    private LiveStream[] Joined()
    {
        lock (gate) return joined ??= [.. streams];
    }

    private void Publish(LiveFrame frame)
    {
        LiveStream[] all;
        lock (gate)
        {
            Volatile.Write(ref latest, frame);
            all = joined ??= [.. streams];
        }
        // Every core writes (the thread pool takes the other deliveries, in any order: a stream skips a frame older than
        // the one it wrote), beginning with this thread, which rendered the frame.
        for (var from = StreamsPerDelivery; from < all.Length; from += StreamsPerDelivery)
            ThreadPool.UnsafeQueueUserWorkItem(new Delivery(all, from, frame), preferLocal: false);
        new Delivery(all, 0, frame).Execute();
    }

    /// <summary>A frame for up to <see cref="StreamsPerDelivery"/> streams, from <paramref name="from"/> on.</summary>
    private sealed class Delivery(LiveStream[] streams, int from, LiveFrame frame) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            var to = Math.Min(from + StreamsPerDelivery, streams.Length);
            for (var i = from; i < to; i++) streams[i].Send(frame);
        }
    }

    private async Task OnChangedAsync(DisputeChanged change)
    {
        Interlocked.Or(ref pending, (int)change.Changes);
        if (Interlocked.Exchange(ref scheduled, 1) == 1) return; // the running loop below picks this change up
        try
        {
            if (await First is null) return;
            while (true)
            {
                var wait = lastRender + Interval - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, closing.Token);
                lastRender = clock.GetUtcNow();
                var changes = (DisputeChanges)Interlocked.Exchange(ref pending, 0);
                try
                {
                    await RenderAsync(changes);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // What failed to render waits for the next change; the streams keep what they have.
                    Interlocked.Or(ref pending, (int)changes);
                    LogRenderFailed(logger, DisputeId, ex);
                }
                Interlocked.Exchange(ref scheduled, 0); // a full fence: the read below cannot move above it
                // A change that arrived during the render found the loop running: go round again for it, unless another call took over.
                if (Volatile.Read(ref pending) == 0 || Interlocked.Exchange(ref scheduled, 1) == 1) return;
            }
        }
        catch (OperationCanceledException)
        {
            // The last stream of the dispute closed while a render waited.
        }
    }

    private async Task<LiveFrame?> RenderAsync(DisputeChanges changes)
    {
        var names = LiveRegions.MovedBy(changes);
        if (names.Count == 0) return latest;
        if (await RenderRegionsAsync(scopes, markup, DisputeId, names, closing.Token) is not var (version, html)) return null;
        var before = latest;
        var regions = before?.Regions ?? ImmutableDictionary<string, string>.Empty;
        var changed = new List<string>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            if (regions.TryGetValue(names[i], out var old) && old == html[i]) continue;
            regions = regions.SetItem(names[i], html[i]);
            changed.Add(names[i]);
        }
        if (before is not null && changed.Count == 0) return before;
        var frame = new LiveFrame((before?.Sequence ?? 0) + 1, Math.Max(version, before?.Version ?? 0), regions, changed);
        Publish(frame);
        return frame;
    }

    /// <summary>
    /// Renders regions of a dispute's page as every reader who is not signed in sees them, to HTML, once for all of them.
    /// </summary>
    /// <param name="names">The regions to render (<see cref="LiveRegions"/>).</param>
    /// <returns>
    /// The version the dispute was read at and each rendered region's HTML, in the order asked; null when the dispute does not exist.
    /// </returns>
    internal static async Task<(int Version, string[] Html)?> RenderRegionsAsync(IServiceScopeFactory scopes, SharedMarkup markup,
        int disputeId, IReadOnlyList<string> names, CancellationToken ct = default)
    {
        ReaderDispute? reader;
        await using (var scope = scopes.CreateAsyncScope())
            reader = await scope.ServiceProvider.GetRequiredService<ReaderDisputes>().LoadAsync(disputeId, names, ct: ct);
        if (reader is null) return null;
        var html = await markup.RenderAsync<ReaderRegion>([.. names.Select(name =>
            (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [nameof(ReaderRegion.Name)] = name,
                [nameof(ReaderRegion.Reader)] = reader,
            })]);
        return (reader.Version, html);
    }

    public void Dispose()
    {
        subscription.Dispose();
        closing.Cancel();
        EndStreams();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rendering the live regions of dispute {DisputeId} failed.")]
    private static partial void LogRenderFailed(ILogger logger, int disputeId, Exception exception);
}
