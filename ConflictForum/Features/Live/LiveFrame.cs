using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ConflictForum.Features.Live;

/// <summary>
/// One version of a dispute's regions as every open stream of it receives them, encoded once: the regions that changed
/// (<see cref="Changes"/>) for streams that had the frame before, every region (<see cref="Everything"/>) for streams that
/// join or missed one. Streams wait on <see cref="Next"/>, shared by all of them: a new frame wakes them all at once.
/// </summary>
public sealed class LiveFrame
{
    private static readonly JsonWriterOptions Json = new()
    {
        // The data is read by JSON.parse, never put in HTML or a script as text: HTML characters need no escaping, and
        // unescaped they keep each message a third smaller. Line breaks are always escaped, so a message is one data line.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TaskCompletionSource<LiveFrame> next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ImmutableDictionary<string, string> regions;
    private byte[]? everything;

    /// <param name="regions">Every region's HTML at this version.</param>
    /// <param name="changed">The names of the regions that changed since the frame before.</param>
    public LiveFrame(int version, ImmutableDictionary<string, string> regions, IReadOnlyCollection<string> changed)
    {
        Version = version;
        this.regions = regions;
        Changes = changed.Count == regions.Count ? Everything : Encode(version, changed.Select(name => KeyValuePair.Create(name, regions[name])));
    }

    /// <summary>The dispute's version: the event id.</summary>
    public int Version { get; }

    /// <summary>The message with the regions that changed since the frame before.</summary>
    public byte[] Changes { get; }

    /// <summary>The message with every region, encoded when a stream first needs it.</summary>
    public byte[] Everything => everything ??= Encode(Version, LiveRegions.All.Where(regions.ContainsKey).Select(name => KeyValuePair.Create(name, regions[name])));

    /// <summary>Completes with the frame that follows this one.</summary>
    public Task<LiveFrame> Next => next.Task;

    internal ImmutableDictionary<string, string> Regions => regions;

    internal void Followed(LiveFrame frame) => next.TrySetResult(frame);

    /// <summary>Ends the chain: streams waiting on <see cref="Next"/> see it cancelled.</summary>
    internal void End() => next.TrySetCanceled();

    /// <summary>The comment line a stream sends when it has had nothing to say for a while.</summary>
    public static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    /// <returns>One server-sent event: <c>id: version</c>, <c>event: regions</c>, one <c>data:</c> line of a JSON object name -> HTML.</returns>
    public static byte[] Encode(int version, IEnumerable<KeyValuePair<string, string>> regions)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        buffer.Write(Encoding.UTF8.GetBytes($"id: {version}\nevent: regions\ndata: "));
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            foreach (var (name, html) in regions) json.WriteString(name, html);
            json.WriteEndObject();
        }
        buffer.Write("\n\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
