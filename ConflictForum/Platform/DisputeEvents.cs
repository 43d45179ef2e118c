using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ConflictForum.Platform;

/// <summary>What part of a dispute's page changed; pages reload only those slices.</summary>
[Flags]
public enum DisputeChanges
{
    None = 0,
    Status = 1,
    Statements = 2,
    Timeline = 4,
    Comments = 8,
    Tally = 16,
    Resolutions = 32,
    All = Status | Statements | Timeline | Comments | Tally | Resolutions,
}

public sealed record DisputeChanged(int DisputeId, DisputeChanges Changes);

/// <summary>
/// Tells every open page of a dispute that something changed, after the change committed. In-process by default;
/// over Redis pub/sub when <c>Redis:Connection</c> is set, so pages on other instances hear it too.
/// </summary>
public interface IDisputeEvents
{
    void Publish(DisputeChanged change);

    /// <summary>Calls <paramref name="handler"/> for each change of the dispute until the result is disposed.</summary>
    IDisposable Subscribe(int disputeId, Func<DisputeChanged, Task> handler);
}

/// <summary>Delivers to this process's subscribers. Also the local fan-out behind the Redis implementation.</summary>
public sealed partial class InProcessDisputeEvents(ILogger<InProcessDisputeEvents> logger) : IDisputeEvents
{
    private readonly ConcurrentDictionary<int, ImmutableArray<Func<DisputeChanged, Task>>> handlers = new();

    public void Publish(DisputeChanged change) => Deliver(change);

    public IDisposable Subscribe(int disputeId, Func<DisputeChanged, Task> handler)
    {
        handlers.AddOrUpdate(disputeId, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() =>
        {
            var remaining = handlers.AddOrUpdate(disputeId, _ => [], (_, list) => list.Remove(handler));
            // Drop the key once its last page left; removal only succeeds if nobody subscribed in the meantime.
            if (remaining.IsEmpty) handlers.TryRemove(KeyValuePair.Create(disputeId, remaining));
        });
    }

    /// <summary>Runs each handler without waiting for it: one slow page must not hold up the others or the writer.</summary>
    internal void Deliver(DisputeChanged change)
    {
        if (!handlers.TryGetValue(change.DisputeId, out var list)) return;
        foreach (var handler in list)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await handler(change);
                }
                catch (Exception ex)
                {
                    LogHandlerFailed(logger, change.DisputeId, ex);
                }
            });
        }
    }

    internal int SubscribedDisputes => handlers.Count;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page's handler for a change of dispute {DisputeId} failed.")]
    private static partial void LogHandlerFailed(ILogger logger, int disputeId, Exception exception);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref unsubscribe, null)?.Invoke();
    }
}
