using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ConflictForum.Features.Live;

/// <summary>
/// One version of a dispute's regions as every open stream of it receives them, encoded once: the regions that changed
/// (<see cref="Changes"/>) for streams that had the frame before, every region (<see cref="Everything"/>) for streams that
/// join or missed one. The feed hands each frame to its streams (<see cref="LiveStream.Send"/>); none of them waits for it.
/// </summary>
public sealed class LiveFrame
{
    private static readonly JsonWriterOptions Json = new()
    {
        // The data is read by JSON.parse, never put in HTML or a script as text: HTML characters need no escaping, and
        // unescaped they keep each message a third smaller. Line breaks are always escaped, so a message is one data line.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ImmutableDictionary<string, string> regions;
    private byte[]? everything;

    /// <param name="sequence">The frame's place in its feed: one more than the frame before.</param>
    /// <param name="regions">Every region's HTML at this version.</param>
    /// <param name="changed">The names of the regions that changed since the frame before.</param>
    public LiveFrame(int sequence, int version, ImmutableDictionary<string, string> regions, IReadOnlyCollection<string> changed)
    {
        (Sequence, Version) = (sequence, version);
        this.regions = regions;
        Changes = changed.Count == regions.Count
            ? Everything
            : Encode(version, changed.Select(name => KeyValuePair.Create(name, regions[name])));
    }

    /// <summary>
    /// The frame's place in its feed: a stream that wrote the frame one before this one needs only <see cref="Changes"/>.
    /// </summary>
    public int Sequence { get; }

    /// <summary>The dispute's version: the event id.</summary>
    public int Version { get; }

    /// <summary>The message with the regions that changed since the frame before.</summary>
    public byte[] Changes { get; }

    /// <summary>The message with every region, encoded when a stream first needs it.</summary>
    public byte[] Everything => everything ??=
        Encode(Version, LiveRegions.All.Where(regions.ContainsKey).Select(name => KeyValuePair.Create(name, regions[name])));

    internal ImmutableDictionary<string, string> Regions => regions;

    /// <summary>The comment line a stream sends when it has had nothing to say for a while.</summary>
    public static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    /// <returns>
    /// One server-sent event: <c>id: version</c>, <c>event: regions</c>, one <c>data:</c> line of a JSON object name -> HTML.
    /// </returns>
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
