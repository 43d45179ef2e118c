using System.IO.Pipelines;

namespace ConflictForum.Features.Live;

/// <summary>
/// One reader's open stream: the response it writes to and the frame it wrote last. Its feed writes to it from whatever
/// thread published the frame or beat the heart; the request waits for nothing but <see cref="Ended"/>.
/// </summary>
/// <remarks>
/// A write that the reader's connection cannot take at once (a slow reader) leaves the stream flushing: frames published
/// meanwhile are skipped, and once the flush completes the stream catches up with the newest frame, whole. One slow
/// reader never holds up the others or the feed.
/// </remarks>
/// <param name="latest">The feed's newest frame, which a stream that was still flushing catches up with.</param>
internal sealed class LiveStream(PipeWriter body, Func<LiveFrame?> latest, int? knownVersion)
{
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private LiveFrame? written;
    private Task? flushing;
    private bool closed;

    /// <summary>Completes when the reader left, the server stops, the feed ends or a write failed.</summary>
    public Task Ended => ended.Task;

    public void End() => ended.TrySetResult();

    /// <summary>
    /// Writes what the reader has not seen of <paramref name="newest"/>: its changes if the stream wrote the frame before
    /// it, every region otherwise, nothing if it is not newer than what the stream wrote (or, first, than the reader's page).
    /// </summary>
    public void Send(LiveFrame newest)
    {
        lock (gate)
        {
            if (!closed && flushing is null) SendLocked(newest);
        }
    }

    /// <summary>Writes the heartbeat comment, unless the stream has not started or is still flushing (which says as much).</summary>
    public void Beat()
    {
        lock (gate)
        {
            if (!closed && flushing is null && written is not null) Write(LiveFrame.Heartbeat);
        }
    }

    /// <summary>Stops writing: after this, nothing touches the response, which the request may then complete.</summary>
    public async Task CloseAsync()
    {
        Task? pending;
        lock (gate)
        {
            closed = true;
            pending = flushing;
        }
        if (pending is null) return;
        body.CancelPendingFlush(); // a reader who stopped reading must not hold the request open
        await pending;
    }

    private void SendLocked(LiveFrame newest)
    {
        ReadOnlyMemory<byte> message;
        if (written is null) message = knownVersion >= newest.Version ? default : newest.Everything; // empty: the headers alone
        else if (newest.Sequence <= written.Sequence) return;
        else message = newest.Sequence == written.Sequence + 1 ? newest.Changes : newest.Everything;
        written = newest;
        Write(message);
    }

    private void Write(ReadOnlyMemory<byte> message)
    {
        ValueTask<FlushResult> flush;
        try
        {
            flush = message.IsEmpty ? body.FlushAsync() : body.WriteAsync(message);
            if (!flush.IsCompleted)
            {
                flushing = FlushedAsync(flush);
                return;
            }
            if (flush.Result is { IsCompleted: false, IsCanceled: false }) return;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            // The reader left mid-write.
        }
        closed = true; // nothing more to write until the request leaves the feed
        End();
    }

    private async Task FlushedAsync(ValueTask<FlushResult> flush)
    {
        try
        {
            // Always resumed on the thread pool: the caller holds the lock and sets flushing after this returns.
            var result = await flush.AsTask().ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            if (result.IsCompleted || result.IsCanceled)
            {
                End();
                return;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            End();
            return;
        }
        lock (gate)
        {
            flushing = null;
            if (!closed && latest() is { } newest) SendLocked(newest);
        }
    }
}
