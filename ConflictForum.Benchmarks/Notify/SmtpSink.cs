using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace ConflictForum.Benchmarks.Notify;

/// <summary>One message the sink accepted: when, its Message-Id, to whom, and its plain-text body.</summary>
public sealed record SinkMessage(DateTime At, string? MessageId, IReadOnlyList<string> Recipients, string TextBody);

/// <summary>
/// A minimal SMTP server on a loopback port, enough for MailKit's client (EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP,
/// QUIT; no TLS, no sign-in, no extensions). A message counts as received the moment its closing dot arrives, before the
/// "250" that tells the sender so: a sender killed between the two sends it again, as a real server would see it.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<SinkMessage> messages = new();
    private readonly Task accepting;

    public SmtpSink()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Count => messages.Count;

    public IReadOnlyList<SinkMessage> Messages => [.. messages];

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink.local ESMTP benchmark sink");
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 sink.local");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        if (await ReadDataAsync(reader) is not { } data) return; // the sender went away mid-message
                        Record(data, [.. recipients]);
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET" or "NOOP":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // a sender killed mid-conversation, or the sink stopping
        }
    }

    /// <returns>The message with dot-stuffing undone, or null when the connection ended before the closing dot.</returns>
    private async Task<string?> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            if (line == ".") return data.ToString();
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }
        return null;
    }

    private void Record(string data, List<string> recipients)
    {
        var at = DateTime.UtcNow;
        using var raw = new MemoryStream(Encoding.Latin1.GetBytes(data));
        var message = MimeMessage.Load(raw);
        messages.Enqueue(new SinkMessage(at, message.MessageId, recipients, message.TextBody ?? ""));
    }

    private static string Address(string line) =>
        line.IndexOf('<', StringComparison.Ordinal) is var open and >= 0 && line.IndexOf('>', open) is var close and > 0
            ? line[(open + 1)..close] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
