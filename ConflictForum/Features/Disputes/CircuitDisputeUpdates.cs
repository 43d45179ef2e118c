using ConflictForum.Platform;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// The one way a circuit follows a dispute live: one subscription to <see cref="IDisputeEvents"/> per circuit (scoped),
/// which each panel of the page listens to and answers by reloading its own slice.
/// <para>The performance rules of live pages, stated here once:</para>
/// <list type="bullet">
/// <item><b>Coalesce.</b> The first change reaches the listeners at once; changes arriving while they reload, or within
/// <see cref="ReloadInterval"/> after a reload started, ride along merged (flags or-ed, the newest version kept) in one more
/// reload. A vote storm costs a page at most four reloads a second, and a lone vote shows without delay.</item>
/// <item><b>Slices.</b> A vote moves only the fault panel, a comment only the discussion: each panel reloads and re-renders
/// its own slice when its flag is set, so the page, and the panels whose slice did not change, are not rendered again.</item>
/// <item><b>Versions.</b> A change carries the version it committed; a panel passes it on so a shared read at least that
/// new serves every open page of the dispute, instead of a query per page.</item>
/// <item><b>A failed reload never breaks a page.</b> What it was reloading waits for the next change (or a reload).</item>
/// </list>
/// Time is the injected <see cref="TimeProvider"/>, so the rules are tested with a fake clock.
/// </summary>
public sealed partial class CircuitDisputeUpdates(IDisputeEvents events, TimeProvider clock, ILogger<CircuitDisputeUpdates> logger)
    : IDisposable
{
    /// <summary>The least time between the starts of two reloads.</summary>
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock gate = new();
    private readonly CancellationTokenSource closing = new();
    private IDisposable? subscription;
    private int disputeId;
    private Func<DisputeUpdate, Task>[] listeners = [];
    private int pendingChanges;
    private int pendingVersion;
    private int reloadScheduled;
    private long lastReload;
    private bool reloadedOnce;

    /// <summary>The dispute followed; 0 for none.</summary>
    public int DisputeId => Volatile.Read(ref disputeId);

    /// <summary>Follows <paramref name="id"/> from now on (and no other dispute): changes of the last one no longer arrive.</summary>
    public void Follow(int id)
    {
        lock (gate)
        {
            if (closing.IsCancellationRequested || id == disputeId) return;
            subscription?.Dispose();
            (pendingChanges, pendingVersion) = (0, 0);
            disputeId = id;
            subscription = events.Subscribe(id, OnChangedAsync);
        }
    }

    /// <summary>
    /// Calls <paramref name="listener"/> with each coalesced update of the followed dispute until the result is disposed.
    /// A component's listener re-enters its own dispatcher (<c>InvokeAsync</c>) and reloads only what it shows.
    /// </summary>
    public IDisposable Listen(Func<DisputeUpdate, Task> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (gate) listeners = [.. listeners, listener];
        return new Unlisten(this, listener);
    }

    /// <summary>
    /// Calls <paramref name="reload"/> when an update touches <paramref name="slice"/>, until the result is disposed. A change of
    /// status moves every slice: the page reads them all afresh and hands them down, so panels need not listen for it.
    /// </summary>
    public IDisposable Listen(DisputeChanges slice, Func<DisputeUpdate, Task> reload) =>
        Listen(update => (update.Changes & slice) != 0 ? reload(update) : Task.CompletedTask);

    private async Task OnChangedAsync(DisputeChanged change)
    {
        if (change.DisputeId != DisputeId) return; // an event of the dispute this circuit followed before
        // The version first, then the flags: a loop that takes these flags must also see this version.
        for (var seen = Volatile.Read(ref pendingVersion); change.Version > seen; seen = Volatile.Read(ref pendingVersion))
            if (Interlocked.CompareExchange(ref pendingVersion, change.Version, seen) == seen) break;
        Interlocked.Or(ref pendingChanges, (int)change.Changes);
        if (Interlocked.Exchange(ref reloadScheduled, 1) == 1) return; // the running loop below picks this change up
        var changes = DisputeChanges.None;
        try
        {
            while (true)
            {
                if (reloadedOnce)
                {
                    var wait = ReloadInterval - clock.GetElapsedTime(lastReload);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, closing.Token);
                }
                (lastReload, reloadedOnce) = (clock.GetTimestamp(), true);
                changes = (DisputeChanges)Interlocked.Exchange(ref pendingChanges, 0);
                var update = new DisputeUpdate(changes, Volatile.Read(ref pendingVersion));
                if (closing.IsCancellationRequested) return;
                await Task.WhenAll(Volatile.Read(ref listeners).Select(listener => listener(update)));
                Interlocked.Exchange(ref reloadScheduled, 0); // a full fence: the read below cannot move above it
                // A change that arrived during the reload found the loop running: go round again for it, unless another call took over.
                if (Volatile.Read(ref pendingChanges) == 0 || Interlocked.Exchange(ref reloadScheduled, 1) == 1) return;
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit closed while a reload waited.
        }
        catch (Exception ex)
        {
            Interlocked.Or(ref pendingChanges, (int)changes);
            Interlocked.Exchange(ref reloadScheduled, 0);
            LogReloadFailed(logger, DisputeId, ex);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            subscription?.Dispose();
            subscription = null;
            listeners = [];
            // Cancelled, not disposed: a handler already on its way may still read the token.
            closing.Cancel();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live refresh of dispute {DisputeId} failed.")]
    private static partial void LogReloadFailed(ILogger logger, int disputeId, Exception exception);

    private sealed class Unlisten(CircuitDisputeUpdates updates, Func<DisputeUpdate, Task> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (updates.gate) updates.listeners = [.. updates.listeners.Where(l => l != listener)];
        }
    }
}
