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
/// <item><b>Own votes.</b> Fault votes say whose vote they moved; the voters of merged changes are listed together (unknown
/// if any change did not say). A page whose reader is not among them keeps its reader's vote instead of reading it.</item>
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
    // What arrived since the last reload took it, under the gate: the flags, the newest version (kept), whose votes moved.
    private DisputeChanges pendingChanges;
    private int pendingVersion;
    private IReadOnlyList<string> pendingVoters = [];
    private bool votersUnknown;
    private bool reloadScheduled;
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
            (pendingChanges, pendingVersion, pendingVoters, votersUnknown) = (DisputeChanges.None, 0, [], false);
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
        lock (gate)
        {
            if (change.DisputeId != disputeId) return; // an event of the dispute this circuit followed before
            Merge(change.Changes, change.Version, change.Voters);
            if (reloadScheduled) return; // the running loop below picks this change up
            reloadScheduled = true;
        }
        var update = new DisputeUpdate(DisputeChanges.None, 0);
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
                lock (gate)
                {
                    // The flags, the version and the voters are taken together: a change is in this reload whole, or in the next.
                    update = new DisputeUpdate(pendingChanges, pendingVersion, votersUnknown ? null : pendingVoters);
                    (pendingChanges, pendingVoters, votersUnknown) = (DisputeChanges.None, [], false);
                }
                if (closing.IsCancellationRequested) return;
                await Task.WhenAll(Volatile.Read(ref listeners).Select(listener => listener(update)));
                lock (gate)
                {
                    // A change that arrived during the reload found the loop running: go round again for it.
                    if (pendingChanges == DisputeChanges.None)
                    {
                        reloadScheduled = false;
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit closed while a reload waited.
        }
        catch (Exception ex)
        {
            lock (gate)
            {
                Merge(update.Changes, update.Version, update.Voters);
                reloadScheduled = false;
            }
            LogReloadFailed(logger, DisputeId, ex);
        }
    }

    /// <summary>Adds a change to what the next reload takes (under the gate).</summary>
    private void Merge(DisputeChanges changes, int version, IReadOnlyList<string>? voters)
    {
        (pendingChanges, pendingVersion) = (pendingChanges | changes, Math.Max(pendingVersion, version));
        if (!changes.HasFlag(DisputeChanges.Tally) || votersUnknown) return;
        if (voters is null) (pendingVoters, votersUnknown) = ([], true);
        else pendingVoters = pendingVoters.Count == 0 ? voters : [.. pendingVoters, .. voters];
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
