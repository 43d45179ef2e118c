using System.Collections.Concurrent;
using System.Collections.Immutable;
using ConflictForum.Platform;

namespace ConflictForum.Features.Disputes;

/// <summary>Delivers to this process's subscribers. Also the local fan-out behind the Redis implementation.</summary>
public sealed partial class InProcessDisputeEvents(ILogger<InProcessDisputeEvents> logger) : IDisputeEvents
{
    private readonly Subscribers<int, DisputeChanged> disputes = new();
    private readonly Subscribers<string, StandingChanged> members = new();
    private readonly Subscribers<string, InboxChanged> inboxes = new();

    public void Publish(DisputeChanged change) => Deliver(change);

    public IDisposable Subscribe(int disputeId, Func<DisputeChanged, Task> handler) => disputes.Add(disputeId, handler);

    public void Publish(StandingChanged change) => Deliver(change);

    public IDisposable Subscribe(string userId, Func<StandingChanged, Task> handler) => members.Add(userId, handler);

    public void Publish(InboxChanged change) => Deliver(change);

    public IDisposable SubscribeInbox(string userId, Func<InboxChanged, Task> handler) => inboxes.Add(userId, handler);

    internal void Deliver(InboxChanged change) => Run(inboxes.Of(change.UserId), change, change.UserId);

    internal void Deliver(DisputeChanged change) => Run(disputes.Of(change.DisputeId), change, change.DisputeId);

    internal void Deliver(StandingChanged change) => Run(members.Of(change.UserId), change, change.UserId);

    /// <summary>Runs each handler without waiting for it: one slow page must not hold up the others or the writer.</summary>
    private void Run<T>(ImmutableArray<Func<T, Task>> list, T change, object key)
    {
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
                    LogHandlerFailed(logger, key, ex);
                }
            });
        }
    }

    internal int SubscribedDisputes => disputes.Count;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page's handler for a change of {Key} failed.")]
    private static partial void LogHandlerFailed(ILogger logger, object key, Exception exception);

    private sealed class Subscribers<TKey, T> where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, ImmutableArray<Func<T, Task>>> handlers = new();

        public int Count => handlers.Count;

        public ImmutableArray<Func<T, Task>> Of(TKey key) => handlers.TryGetValue(key, out var list) ? list : [];

        public Subscription Add(TKey key, Func<T, Task> handler)
        {
            handlers.AddOrUpdate(key, _ => [handler], (_, list) => list.Add(handler));
            return new Subscription(() =>
            {
                var remaining = handlers.AddOrUpdate(key, _ => [], (_, list) => list.Remove(handler));
                // Drop the key once its last page left; removal only succeeds if nobody subscribed in the meantime.
                if (remaining.IsEmpty) handlers.TryRemove(KeyValuePair.Create(key, remaining));
            });
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref unsubscribe, null)?.Invoke();
    }
}
