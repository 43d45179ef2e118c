using System.Collections.Immutable;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using ConflictForum.Features.Live;

namespace ConflictForum.Tests.Features.Live;

/// <summary>What one reader's stream writes of the frames its feed hands it, on a pipe in place of the response.</summary>
public sealed class LiveStreamWritesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_stream_writes_the_changes_of_the_frame_after_the_one_it_wrote_everything_after_a_gap_and_nothing_older()
    {
        var pipe = new Pipe();
        var frames = Frames(4);
        var stream = new LiveStream(pipe.Writer, () => frames[^1], knownVersion: null);

        stream.Send(frames[0]);
        stream.Send(frames[1]);
        stream.Send(frames[3]);
        stream.Send(frames[2]); // older than what it wrote: a delivery that came late

        Assert.True(pipe.Reader.TryRead(out var read));
        Assert.Equal([(10, "fault,header"), (20, "fault"), (40, "fault,header")], Events(Encoding.UTF8.GetString(read.Buffer)));
    }

    [Fact]
    public void A_page_already_at_the_newest_version_gets_the_headers_and_then_only_what_follows()
    {
        var pipe = new Pipe();
        var frames = Frames(2);
        var stream = new LiveStream(pipe.Writer, () => frames[^1], knownVersion: 10);

        stream.Send(frames[0]);
        stream.Send(frames[1]);

        Assert.True(pipe.Reader.TryRead(out var read));
        Assert.Equal([(20, "fault")], Events(Encoding.UTF8.GetString(read.Buffer)));
    }

    [Fact]
    public async Task A_slow_reader_s_stream_skips_what_was_published_while_it_flushed_and_then_catches_up_with_the_newest_whole()
    {
        // The reader takes nothing until the end: each write fills the pipe past its pause threshold, as a full socket would.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 64, resumeWriterThreshold: 32, useSynchronizationContext: false));
        var frames = Frames(3);
        var published = 1;
        var stream = new LiveStream(pipe.Writer, () => frames[published - 1], knownVersion: null);

        stream.Send(frames[0]);
        published = 3;
        stream.Send(frames[1]);
        stream.Send(frames[2]);

        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(Patience);
        while (!text.ToString().Contains("id: 30", StringComparison.Ordinal))
        {
            var read = await pipe.Reader.ReadAsync(timeout.Token);
            text.Append(Encoding.UTF8.GetString(read.Buffer));
            pipe.Reader.AdvanceTo(read.Buffer.End);
        }
        Assert.Equal([(10, "fault,header"), (30, "fault,header")], Events(text.ToString()));
    }

    [Fact]
    public async Task Closing_a_stream_whose_reader_stopped_reading_does_not_wait_for_them()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 64, resumeWriterThreshold: 32, useSynchronizationContext: false));
        var frames = Frames(1);
        var stream = new LiveStream(pipe.Writer, () => frames[0], knownVersion: null);
        stream.Send(frames[0]);

        var closing = stream.CloseAsync();
        Assert.Same(closing, await Task.WhenAny(closing, Task.Delay(Patience)));
        stream.Send(Frames(2)[1]); // closed: nothing more is written
        Assert.True(pipe.Reader.TryRead(out var read));
        Assert.Equal([(10, "fault,header")], Events(Encoding.UTF8.GetString(read.Buffer)));
    }

    /// <returns>Frames of a header that never changes and a fault region that changes every frame, at versions 10, 20, ...</returns>
    private static List<LiveFrame> Frames(int count)
    {
        var frames = new List<LiveFrame>();
        var regions = ImmutableDictionary<string, string>.Empty.SetItem(LiveRegions.Header, "<h1>Drive</h1>");
        for (var i = 1; i <= count; i++)
        {
            regions = regions.SetItem(LiveRegions.Fault, $"<p>{i} votes cast so far</p>");
            frames.Add(new LiveFrame(i, 10 * i, regions, i == 1 ? [LiveRegions.Header, LiveRegions.Fault] : [LiveRegions.Fault]));
        }
        return frames;
    }

    /// <returns>Each event's id and the names of its regions, sorted and joined.</returns>
    private static List<(int Id, string Regions)> Events(string text) =>
    [
        .. text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(message =>
        {
            var lines = message.Split('\n');
            var id = int.Parse(lines.Single(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..],
                System.Globalization.CultureInfo.InvariantCulture);
            var data = JsonSerializer.Deserialize<Dictionary<string, string>>(
                lines.Single(l => l.StartsWith("data: ", StringComparison.Ordinal))[6..])!;
            return (id, string.Join(',', data.Keys.Order(StringComparer.Ordinal)));
        }),
    ];
}
