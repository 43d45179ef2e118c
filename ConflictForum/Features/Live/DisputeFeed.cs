using System.Collections.Immutable;
using ConflictForum.Platform;

namespace ConflictForum.Features.Live;

/// <summary>
/// The regions of one dispute for every open stream of it on this instance: it listens to the dispute's changes, draws
/// the regions a change moved once for all of them (as a reader who is not signed in sees them), and publishes the frame.
/// A storm is coalesced: the first change draws at once, later ones at most every <see cref="Interval"/>, all the flags
/// that arrived meanwhile in one drawing, so a hundred votes a second cost four drawings a second, whatever the readers.
/// </summary>
public sealed partial class DisputeFeed : IDisposable
{
    /// <summary>The shortest time between two drawings of one dispute.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly ReaderRegionDrawings drawings;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly IDisposable subscription;
    private readonly CancellationTokenSource closing = new();
    private LiveFrame? latest;
    private int pending;
    private int scheduled;
    private DateTimeOffset lastDrawing = DateTimeOffset.MinValue;

    internal DisputeFeed(int disputeId, IDisputeEvents events, ReaderRegionDrawings drawings, TimeProvider clock, ILogger logger)
    {
        (DisputeId, this.drawings, this.clock, this.logger) = (disputeId, drawings, clock, logger);
        // Listen before the first drawing, so nothing that commits while it draws is missed.
        subscription = events.Subscribe(disputeId, OnChangedAsync);
        First = Task.Run(() => DrawAsync(DisputeChanges.All));
    }

    public int DisputeId { get; }

    /// <summary>Streams of this feed open now (the hub counts them under its lock).</summary>
    internal int Streams { get; set; }

    /// <summary>The first frame: every region at the version current when the feed opened; null when the dispute does not exist.</summary>
    public Task<LiveFrame?> First { get; }

    /// <summary>The newest frame.</summary>
    public LiveFrame? Latest => Volatile.Read(ref latest);

    private async Task OnChangedAsync(DisputeChanged change)
    {
        Interlocked.Or(ref pending, (int)change.Changes);
        if (Interlocked.Exchange(ref scheduled, 1) == 1) return; // the running loop below picks this change up
        try
        {
            if (await First is null) return;
            while (true)
            {
                var wait = lastDrawing + Interval - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, closing.Token);
                lastDrawing = clock.GetUtcNow();
                var changes = (DisputeChanges)Interlocked.Exchange(ref pending, 0);
                try
                {
                    await DrawAsync(changes);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // What failed to draw waits for the next change; the streams keep what they have.
                    Interlocked.Or(ref pending, (int)changes);
                    LogDrawingFailed(logger, DisputeId, ex);
                }
                Interlocked.Exchange(ref scheduled, 0); // a full fence: the read below cannot move above it
                // A change that arrived during the drawing found the loop running: go round again for it, unless another call took over.
                if (Volatile.Read(ref pending) == 0 || Interlocked.Exchange(ref scheduled, 1) == 1) return;
            }
        }
        catch (OperationCanceledException)
        {
            // The last stream of the dispute closed while a drawing waited.
        }
    }

    private async Task<LiveFrame?> DrawAsync(DisputeChanges changes)
    {
        var names = LiveRegions.MovedBy(changes);
        if (names.Count == 0) return latest;
        if (await drawings.DrawAsync(DisputeId, names, closing.Token) is not var (version, html)) return null;
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
        var frame = new LiveFrame(Math.Max(version, before?.Version ?? 0), regions, changed);
        Volatile.Write(ref latest, frame);
        before?.Followed(frame);
        return frame;
    }

    public void Dispose()
    {
        subscription.Dispose();
        closing.Cancel();
        latest?.End();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drawing the live regions of dispute {DisputeId} failed.")]
    private static partial void LogDrawingFailed(ILogger logger, int disputeId, Exception exception);
}
