using System.Net;
using System.Net.Sockets;
using System.Text;
using ConflictForum.Benchmarks.Load;

namespace ConflictForum.Tests.Benchmarks;

/// <summary>The load driver's stream client against a hand-written HTTP/1.1 server: no forum, no browser.</summary>
public sealed class ReaderStreamsTests
{
    [Fact]
    public async Task A_stream_follows_event_ids_through_chunks_split_anywhere_and_skips_everything_else()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var root = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        // A whole region's HTML (larger than the client's receive buffer), a comment line, an event with no id, a line
        // that starts like an id but is not one; then chunks cut mid-line, mid-"id:", and mid chunk header.
        var big = new string('x', 40_000);
        var body = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Chunk($"id: 7\nevent: regions\ndata: {{\"comments\":\"<p>{big}</p>\"}}\n\n")
            + Chunk(": heartbeat\n\n")
            + Chunk("event: regions\ndata: {\"fault\":\"id: 99\"}\n\nidea: 98\n\n")
            + Chunk("id: 9\nevent: regions\ndata: {}\n\n")
            + Chunk("id: 12\nevent: regions\ndata: {\"fault\":\"<p>12</p>\"}\n\n");
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var request = new byte[1024];
            _ = await stream.ReadAsync(request);
            var bytes = Encoding.ASCII.GetBytes(body);
            // Odd slices, each flushed on its own, so every boundary falls somewhere new.
            for (var at = 0; at < bytes.Length;)
            {
                var take = Math.Min(bytes.Length - at, at < 200 ? 3 : 997);
                await stream.WriteAsync(bytes.AsMemory(at, take));
                await stream.FlushAsync();
                at += take;
                await Task.Delay(1);
            }
            await Task.Delay(TimeSpan.FromSeconds(30));
        });

        await using var streams = new ReaderStreams();
        await streams.OpenAsync(root, "/disputes/1/live?v=5", 1, 5, CancellationToken.None);

        Assert.Equal(0, await streams.UntilAsync(12, TimeSpan.FromSeconds(15)));
        Assert.Equal(12, streams.Newest);
        Assert.Equal(0, streams.Dropped);
        Assert.False(serving.IsFaulted);
    }

    [Fact]
    public async Task A_stream_refused_by_the_server_says_so()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var root = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            _ = await stream.ReadAsync(new byte[1024]);
            await stream.WriteAsync("HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        });
        await using var streams = new ReaderStreams();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => streams.OpenAsync(root, "/live", 1, 0, CancellationToken.None));

        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
        await serving;
    }

    private static string Chunk(string data) => $"{Encoding.UTF8.GetByteCount(data):x}\r\n{data}\r\n";
}
