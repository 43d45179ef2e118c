using System.Text.Json;
using ConflictForum.Platform;
using StackExchange.Redis;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Dispute events over Redis pub/sub, so several app instances behind a load balancer see each other's changes.
/// Every event, this instance's own included, comes back through Redis and is then fanned out to local pages:
/// one path, one order.
/// </summary>
public sealed partial class RedisDisputeEvents : IDisputeEvents, IDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("conflictforum:dispute-events");
    private static readonly RedisChannel StandingChannel = RedisChannel.Literal("conflictforum:standing-events");
    private static readonly RedisChannel InboxChannel = RedisChannel.Literal("conflictforum:inbox-events");
    private readonly InProcessDisputeEvents local;
    private readonly ConnectionMultiplexer redis;
    private readonly ILogger<RedisDisputeEvents> logger;

    public RedisDisputeEvents(string configuration, ILogger<RedisDisputeEvents> logger, ILogger<InProcessDisputeEvents> localLogger)
    {
        this.logger = logger;
        local = new InProcessDisputeEvents(localLogger);
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // start even if Redis is down; it reconnects on its own
        redis = ConnectionMultiplexer.Connect(options);
        // Fire-and-forget: with Redis down at start-up a blocking subscribe would throw, and with it every write
        // that publishes. The multiplexer re-subscribes by itself once Redis is reachable.
        redis.GetSubscriber().Subscribe(Channel, (_, message) =>
        {
            if (message.HasValue && JsonSerializer.Deserialize<DisputeChanged>((string)message!) is { } change) local.Deliver(change);
        }, CommandFlags.FireAndForget);
        redis.GetSubscriber().Subscribe(StandingChannel, (_, message) =>
        {
            if (message.HasValue) local.Deliver(new StandingChanged(message!));
        }, CommandFlags.FireAndForget);
        redis.GetSubscriber().Subscribe(InboxChannel, (_, message) =>
        {
            if (message.HasValue) local.Deliver(new InboxChanged(message!));
        }, CommandFlags.FireAndForget);
    }

    public void Publish(DisputeChanged change) => Send(Channel, JsonSerializer.Serialize(change), change.DisputeId);

    public IDisposable Subscribe(int disputeId, Func<DisputeChanged, Task> handler) => local.Subscribe(disputeId, handler);

    public void Publish(StandingChanged change) => Send(StandingChannel, change.UserId, change.UserId);

    public IDisposable Subscribe(string userId, Func<StandingChanged, Task> handler) => local.Subscribe(userId, handler);

    public void Publish(InboxChanged change) => Send(InboxChannel, change.UserId, change.UserId);

    public IDisposable SubscribeInbox(string userId, Func<InboxChanged, Task> handler) => local.SubscribeInbox(userId, handler);

    private void Send(RedisChannel channel, string message, object about)
    {
        try
        {
            redis.GetSubscriber().Publish(channel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            // The change itself is committed; only other pages' live refresh is missed (they catch up on their next load).
            LogPublishFailed(logger, about, ex);
        }
    }

    public void Dispose() => redis.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the change of {About} to Redis.")]
    private static partial void LogPublishFailed(ILogger logger, object about, Exception exception);
}
