using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConflictForum.Benchmarks.Load;

/// <summary>
/// Many open live streams of reader pages (<c>GET ... text/event-stream</c>), held as cheaply as the driver can, so that on
/// shared cores the driver is not what is measured: a raw socket per stream speaking HTTP/1.1, no receive buffer while
/// waiting (a zero-byte receive, then one pooled buffer for what arrived), and a byte-level parser that reads only the
/// <c>id:</c> of each event (the dispute's version it brings) and skips everything else without making a string.
/// </summary>
public sealed class ReaderStreams : IAsyncDisposable
{
    private readonly List<ReaderStream> streams = [];
    private long target = long.MaxValue;
    private long[] arrivals = [];
    private VersionLag? lag;

    /// <summary>Open streams (dropped ones included).</summary>
    public int Count => streams.Count;

    /// <summary>Streams the server ended or that failed, other than by <see cref="DisposeAsync"/>.</summary>
    public int Dropped => streams.Count(s => s.Dropped);

    /// <summary>The newest version any stream has reached.</summary>
    public long Newest => streams.Count == 0 ? 0 : streams.Max(s => s.Version);

    /// <summary>
    /// Opens <paramref name="count"/> more streams to <paramref name="path"/> (with its query), each starting at
    /// <paramref name="version"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server answered other than 200 (a cap's 429, say).</exception>
    public async Task OpenAsync(Uri root, string path, int count, long version, CancellationToken ct)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(root.Host), root.Port);
        // One request for every stream, encoded once; what a browser's EventSource sends, less its cookies.
        var request = Encoding.ASCII.GetBytes(
            $"GET {path} HTTP/1.1\r\nHost: {root.Authority}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n");
        using var limit = new SemaphoreSlim(64);
        var opened = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await limit.WaitAsync(ct);
            try
            {
                return await ReaderStream.OpenAsync(this, streams.Count + i, endpoint, request, version, ct);
            }
            finally
            {
                limit.Release();
            }
        }));
        streams.AddRange(opened);
    }

    /// <summary>
    /// Times one change reaching every stream: arms for <paramref name="version"/>, acts, and waits until every stream
    /// has an event at that version or newer (or <paramref name="timeout"/> passed).
    /// </summary>
    /// <param name="act">Makes the change; returns when it started, in <see cref="Stopwatch.GetTimestamp"/> ticks.</param>
    /// <returns>Each stream's delay in ms, and how many streams never reached the version.</returns>
    public async Task<(List<double> Latencies, int Missed)> FanOutAsync(long version, Func<Task<long>> act, TimeSpan timeout)
    {
        arrivals = new long[streams.Count];
        Volatile.Write(ref target, version);
        var at = await act();
        await UntilAsync(version, timeout);
        Volatile.Write(ref target, long.MaxValue);
        var latencies = new List<double>(streams.Count);
        for (var i = 0; i < streams.Count; i++)
        {
            var arrived = Volatile.Read(ref arrivals[i]);
            if (arrived != 0) latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(at, arrived).TotalMilliseconds));
        }
        return (latencies, streams.Count - latencies.Count);
    }

    /// <summary>From now on every version a stream reaches is timed against <paramref name="storm"/>; null stops it.</summary>
    internal void Time(VersionLag? storm) => Volatile.Write(ref lag, storm);

    /// <summary>
    /// Waits until every stream has reached <paramref name="version"/>; returns how many have not when
    /// <paramref name="timeout"/> passed.
    /// </summary>
    public async Task<int> UntilAsync(long version, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var behind = streams.Count(s => s.Version < version);
            if (behind == 0 || deadline.Elapsed > timeout) return behind;
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Called on a stream's receive loop when an event brought it from version <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    internal void Reached(int index, long from, long to, long at)
    {
        var armed = Volatile.Read(ref target);
        if (from < armed && armed <= to) Volatile.Write(ref arrivals[index], at);
        Volatile.Read(ref lag)?.Reached(from, to, at);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in streams) stream.Close();
        await Task.WhenAll(streams.Select(s => s.Receiving));
        streams.Clear();
    }
}

/// <summary>
/// How far behind the pages were during a storm: version <c>Base + k</c> was committed by <see cref="Ack"/>'s time; each
/// page's delay to each version is counted in a histogram of whole milliseconds (no list of millions of samples).
/// </summary>
internal sealed class VersionLag(long baseVersion, int versions)
{
    private readonly long[] acks = new long[versions + 1];
    private readonly long[] histogram = new long[120_001];
    private readonly Lock gate = new();
    private long ackedUpTo;

    public long Base => baseVersion;

    public long Samples => histogram.Sum();

    /// <summary>Version <see cref="Base"/> + <paramref name="k"/> was committed at <paramref name="timestamp"/> (or earlier).</summary>
    public void Ack(int k, long timestamp) => Volatile.Write(ref acks[k], timestamp);

    /// <summary>
    /// Every version up to <paramref name="version"/> not acknowledged yet was committed at <paramref name="timestamp"/> (or earlier).
    /// </summary>
    public void AckUpTo(long version, long timestamp)
    {
        lock (gate)
        {
            var last = Math.Min(version - baseVersion, acks.Length - 1);
            for (var k = ackedUpTo + 1; k <= last; k++) Volatile.Write(ref acks[k], timestamp);
            ackedUpTo = Math.Max(ackedUpTo, last);
        }
    }

    /// <summary>A page went from version <paramref name="from"/> to <paramref name="to"/> at <paramref name="at"/>.</summary>
    public void Reached(long from, long to, long at)
    {
        var first = Math.Max(from - baseVersion + 1, 1);
        var last = Math.Min(to - baseVersion, acks.Length - 1);
        for (var k = first; k <= last; k++)
        {
            // Not acknowledged yet: the page heard it before the voter did, no delay.
            var ack = Volatile.Read(ref acks[k]);
            var ms = ack == 0 || ack > at ? 0 : (long)Stopwatch.GetElapsedTime(ack, at).TotalMilliseconds;
            Interlocked.Increment(ref histogram[Math.Min(ms, histogram.Length - 1)]);
        }
    }

    public double Percentile(double q)
    {
        var total = Samples;
        if (total == 0) return double.NaN;
        var wanted = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var ms = 0; ms < histogram.Length; ms++)
        {
            seen += histogram[ms];
            if (seen >= wanted) return ms;
        }
        return histogram.Length - 1;
    }

    public double Max => Array.FindLastIndex(histogram, c => c > 0);
}

/// <summary>One open stream: a socket and a few integers of parser state.</summary>
internal sealed class ReaderStream
{
    private const int ChunkSize = 0, ChunkExtension = 1, ChunkData = 2, ChunkDataEnd = 3, ChunkedEnd = 4;
    private const int LineStart = 0, SawI = 1, SawId = 2, IdValue = 3, SkipLine = 4;

    private readonly ReaderStreams owner;
    private readonly int index;
    private readonly Socket socket;
    private long version;
    private volatile bool closing;
    private int chunkState;
    private long chunkRemaining;
    private int lineState;
    private long idValue;
    private bool idHasDigit;
    private long pendingId = -1;

    private ReaderStream(ReaderStreams owner, int index, Socket socket, long version) =>
        (this.owner, this.index, this.socket, this.version) = (owner, index, socket, version);

    public long Version => Interlocked.Read(ref version);

    public bool Dropped { get; private set; }

    public Task Receiving { get; private set; } = Task.CompletedTask;

    public static async Task<ReaderStream> OpenAsync(ReaderStreams owner, int index, IPEndPoint endpoint, byte[] request, long version,
        CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct);
            await socket.SendAsync(request, SocketFlags.None, ct);
            var stream = new ReaderStream(owner, index, socket, version);
            await stream.ReadHeadersAsync(ct);
            stream.Receiving = stream.ReceiveAsync();
            return stream;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The status line and headers (a string once per stream, at opening); what follows them is the body.</summary>
    private async Task ReadHeadersAsync(CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var filled = 0;
            int end;
            while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (filled == buffer.Length) throw new InvalidOperationException("The stream's response headers are too long.");
                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, ct);
                if (read == 0) throw new InvalidOperationException("The server closed the stream before answering.");
                filled += read;
            }
            var head = Encoding.ASCII.GetString(buffer, 0, end);
            if (!head.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
                throw new InvalidOperationException($"The stream was refused: {head.Split("\r\n")[0]}");
            if (!head.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(
                    "The stream's body is not chunked, which this client expects of HTTP/1.1 without a length.");
            Feed(buffer.AsSpan(end + 4, filled - end - 4), Stopwatch.GetTimestamp());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (true)
            {
                // Wait for data holding no buffer; then borrow one for as long as there is something to read.
                await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
                try
                {
                    do
                    {
                        var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                        if (read == 0)
                        {
                            Dropped = !closing;
                            return;
                        }
                        Feed(buffer.AsSpan(0, read), Stopwatch.GetTimestamp());
                    }
                    while (socket.Available > 0);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                if (chunkState == ChunkedEnd)
                {
                    Dropped = !closing;
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Dropped = !closing;
        }
    }

    /// <summary>HTTP/1.1 chunked framing, then the event-stream lines inside the chunks.</summary>
    private void Feed(ReadOnlySpan<byte> bytes, long at)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (chunkState)
            {
                case ChunkSize or ChunkExtension:
                    var b = bytes[i++];
                    if (b == '\n') chunkState = chunkRemaining == 0 ? ChunkedEnd : ChunkData;
                    else if (chunkState == ChunkSize && HexValue(b) is var digit and >= 0) chunkRemaining = chunkRemaining * 16 + digit;
                    else chunkState = ChunkExtension; // ';extension' or the '\r'
                    break;
                case ChunkData:
                    var take = (int)Math.Min(chunkRemaining, bytes.Length - i);
                    Lines(bytes.Slice(i, take), at);
                    i += take;
                    if ((chunkRemaining -= take) == 0) chunkState = ChunkDataEnd;
                    break;
                case ChunkDataEnd:
                    if (bytes[i++] == '\n') (chunkState, chunkRemaining) = (ChunkSize, 0);
                    break;
                default:
                    return; // the response ended
            }
        }
    }

    private void Lines(ReadOnlySpan<byte> bytes, long at)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (lineState == SkipLine)
            {
                // The data line (the regions' HTML) and comments: jump to the end of the line.
                var end = bytes[i..].IndexOf((byte)'\n');
                if (end < 0) return;
                i += end;
                lineState = LineStart;
                continue;
            }
            var b = bytes[i];
            switch (lineState)
            {
                case LineStart:
                    if (b == '\n' || b == '\r')
                    {
                        // A blank line dispatches the event: its id is the version the page now shows.
                        if (b == '\n' && pendingId >= 0) Arrived(pendingId, at);
                        pendingId = b == '\n' ? -1 : pendingId;
                    }
                    else lineState = b == 'i' ? SawI : SkipLine;
                    break;
                case SawI:
                    lineState = b == 'd' ? SawId : b == '\n' ? LineStart : SkipLine;
                    break;
                case SawId:
                    (lineState, idValue, idHasDigit) = (b == ':' ? IdValue : b == '\n' ? LineStart : SkipLine, 0L, false);
                    break;
                case IdValue:
                    if (b is >= (byte)'0' and <= (byte)'9') (idValue, idHasDigit) = (idValue * 10 + (b - '0'), true);
                    else if (b == '\n')
                    {
                        if (idHasDigit) pendingId = idValue;
                        lineState = LineStart;
                    }
                    else if (b != ' ' && b != '\r') lineState = SkipLine;
                    break;
            }
        }
    }

    private void Arrived(long id, long at)
    {
        var before = Version;
        if (id <= before) return;
        Interlocked.Exchange(ref version, id);
        owner.Reached(index, before, id, at);
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    public void Close()
    {
        closing = true;
        socket.Dispose();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"stream {index} at version {Version}");
}
