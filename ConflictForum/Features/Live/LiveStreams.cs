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
/// Performance rules, for 10,000 open streams on two cores: a stream holds the frame it last wrote and waits on that
/// frame's <see cref="LiveFrame.Next"/>, shared by every stream of the dispute, and on one heartbeat task shared by all
/// streams; it owns no channel, no timer, no buffer and no drawing. Every byte it writes was encoded once for all.
/// </remarks>
public sealed partial class LiveStreams : IDisposable
{
    private readonly Dictionary<int, DisputeFeed> feeds = [];
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<IPAddress, int> perAddress = new();
    private readonly IDisputeEvents events;
    private readonly ReaderRegionDrawings drawings;
    private readonly TimeProvider clock;
    private readonly ILogger<LiveStreams> logger;
    private readonly IOptions<LiveOptions> options;
    private readonly ITimer heartbeat;
    private readonly Task stopping;
    private TaskCompletionSource beat = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int open;

    public LiveStreams(IDisputeEvents events, ReaderRegionDrawings drawings, TimeProvider clock, ILogger<LiveStreams> logger,
        IOptions<LiveOptions> options, IHostApplicationLifetime lifetime)
    {
        (this.events, this.drawings, this.clock, this.logger, this.options) = (events, drawings, clock, logger, options);
        var interval = options.Value.HeartbeatInterval;
        heartbeat = clock.CreateTimer(_ => Interlocked.Exchange(ref beat, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(),
            null, interval, interval);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        stopping = stopped.Task;
    }

    /// <summary>Streams open on this instance now.</summary>
    public int Open => Volatile.Read(ref open);

    /// <summary>Serves one reader's stream of a dispute until the reader leaves or the server stops.</summary>
    /// <param name="knownVersion">The version the reader's page shows (<c>?v=</c> or <c>Last-Event-ID</c>); null: they know nothing yet.</param>
    public async Task<IResult?> StreamAsync(HttpContext context, int disputeId, int? knownVersion)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (!TryAdmit(address)) return TypedResults.Text("Too many live pages are open. Reload later.", statusCode: StatusCodes.Status429TooManyRequests);
        var feed = Acquire(disputeId);
        try
        {
            if (await feed.First is not { } frame) return TypedResults.NotFound();
            await WriteAsync(context, feed, frame, knownVersion);
            return null;
        }
        finally
        {
            Release(feed);
            Leave(address);
        }
    }

    private async Task WriteAsync(HttpContext context, DisputeFeed feed, LiveFrame frame, int? knownVersion)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx and friends pass each event on at once
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The frames are already server-sent events, encoded once for every stream; TypedResults.ServerSentEvents (through
        // SseFormatter) would format each item again for each stream, and has no comment line for the heartbeat.
        var body = response.BodyWriter;
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = context.RequestAborted.UnsafeRegister(state => ((TaskCompletionSource)state!).TrySetResult(), aborted);
        try
        {
            frame = feed.Latest ?? frame;
            // A page older than the newest frame, or a reconnect that missed versions, gets every region at once.
            var result = knownVersion is { } known && known >= frame.Version ? await body.FlushAsync() : await body.WriteAsync(frame.Everything);
            while (!result.IsCompleted && !result.IsCanceled)
            {
                var next = frame.Next;
                var woke = await Task.WhenAny(next, Volatile.Read(ref beat).Task, aborted.Task, stopping);
                if (woke == aborted.Task || woke == stopping || next.IsCanceled) return;
                if (next.IsCompletedSuccessfully)
                {
                    // A stream that was still writing when a frame followed the next one skips to the newest, whole.
                    var newest = feed.Latest!;
                    result = await body.WriteAsync(ReferenceEquals(newest, next.Result) ? newest.Changes : newest.Everything);
                    frame = newest;
                }
                else result = await body.WriteAsync(LiveFrame.Heartbeat);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The reader left mid-write.
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
                feeds[disputeId] = feed = new DisputeFeed(disputeId, events, drawings, clock, logger);
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
