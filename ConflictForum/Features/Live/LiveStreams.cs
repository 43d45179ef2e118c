using System.Collections.Concurrent;
using System.Net;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Live;

/// <summary>
/// The open streams of this instance: one <see cref="DisputeFeed"/> per dispute with streams, the caps per client address
/// and overall, and one heartbeat clock for all of them.
/// </summary>
/// <remarks>
/// Performance rules, for 10,000 open streams on two cores: a stream's request waits on one task for its whole life (its
/// end), never on one per frame; the feed writes each frame, encoded once, to every stream's response itself, a few
/// hundred streams per thread-pool work item, and the heartbeat clock writes to every stream at once. A stream owns no
/// channel, no timer, no buffer and no render, and a write that cannot complete at once makes that stream skip, not the
/// feed wait.
/// </remarks>
public sealed partial class LiveStreams : IDisposable
{
    private readonly Dictionary<int, DisputeFeed> feeds = [];
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<IPAddress, int> perAddress = new();
    private readonly IDisputeEvents events;
    private readonly IServiceScopeFactory scopes;
    private readonly SharedMarkup markup;
    private readonly TimeProvider clock;
    private readonly ILogger<LiveStreams> logger;
    private readonly IOptions<LiveOptions> options;
    private readonly ITimer heartbeat;
    private int open;
    private volatile bool stopping;

    public LiveStreams(IDisputeEvents events, IServiceScopeFactory scopes, SharedMarkup markup, TimeProvider clock,
        ILogger<LiveStreams> logger, IOptions<LiveOptions> options, IHostApplicationLifetime lifetime)
    {
        (this.events, this.scopes, this.markup, this.clock, this.logger, this.options) = (events, scopes, markup, clock, logger, options);
        var interval = options.Value.HeartbeatInterval;
        heartbeat = clock.CreateTimer(_ => ForEachFeed(feed => feed.Beat()), null, interval, interval);
        lifetime.ApplicationStopping.Register(() =>
        {
            stopping = true;
            ForEachFeed(feed => feed.EndStreams());
        });
    }

    /// <summary>Streams open on this instance now.</summary>
    public int Open => Volatile.Read(ref open);

    /// <summary>Serves one reader's stream of a dispute until the reader leaves or the server stops.</summary>
    /// <param name="knownVersion">
    /// The version the reader's page shows (<c>?v=</c> or <c>Last-Event-ID</c>); null: they know nothing yet.
    /// </param>
    public async Task<IResult?> StreamAsync(HttpContext context, int disputeId, int? knownVersion)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (!TryAdmit(address))
            return TypedResults.Text("Too many live pages are open. Reload later.", statusCode: StatusCodes.Status429TooManyRequests);
        var feed = Acquire(disputeId);
        try
        {
            if (await feed.First is null) return TypedResults.NotFound();
            await ServeAsync(context, feed, knownVersion);
            return null;
        }
        finally
        {
            Release(feed);
            Leave(address);
        }
    }

    private async Task ServeAsync(HttpContext context, DisputeFeed feed, int? knownVersion)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx and friends pass each event on at once
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The frames are already server-sent events, encoded once for every stream; TypedResults.ServerSentEvents (through
        // SseFormatter) would format each item again for each stream, and has no comment line for the heartbeat.
        var stream = new LiveStream(response.BodyWriter, feed.Newest, knownVersion);
        await using (context.RequestAborted.UnsafeRegister(state => ((LiveStream)state!).End(), stream))
        {
            // A page older than the newest frame, or a reconnect that missed versions, gets every region at once.
            feed.Join(stream);
            if (stopping) stream.End(); // the server began to stop while this stream joined
            await stream.Ended;
            feed.Leave(stream);
            await stream.CloseAsync();
        }
    }

    private bool TryAdmit(IPAddress address)
    {
        var limits = options.Value;
        if (Interlocked.Increment(ref open) > limits.MaxStreams)
        {
            Interlocked.Decrement(ref open);
            return false;
        }
        if (perAddress.AddOrUpdate(address, 1, (_, count) => count + 1) > limits.MaxStreamsPerAddress)
        {
            Leave(address);
            return false;
        }
        return true;
    }

    private void Leave(IPAddress address)
    {
        // Drop the address once its last stream left; removal only succeeds if no stream joined in the meantime.
        if (perAddress.AddOrUpdate(address, 0, (_, count) => count - 1) == 0) perAddress.TryRemove(KeyValuePair.Create(address, 0));
        Interlocked.Decrement(ref open);
    }

    private DisputeFeed Acquire(int disputeId)
    {
        lock (gate)
        {
            if (!feeds.TryGetValue(disputeId, out var feed))
                feeds[disputeId] = feed = new DisputeFeed(disputeId, events, scopes, markup, clock, logger);
            feed.Streams++;
            return feed;
        }
    }

    private void Release(DisputeFeed feed)
    {
        lock (gate)
        {
            if (--feed.Streams > 0) return;
            feeds.Remove(feed.DisputeId);
        }
        feed.Dispose();
    }

    private void ForEachFeed(Action<DisputeFeed> action)
    {
        DisputeFeed[] all;
        lock (gate) all = [.. feeds.Values];
        foreach (var feed in all) action(feed);
    }

    public void Dispose()
    {
        heartbeat.Dispose();
        lock (gate)
        {
            foreach (var feed in feeds.Values) feed.Dispose();
            feeds.Clear();
        }
    }
}
