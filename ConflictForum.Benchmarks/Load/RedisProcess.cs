using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConflictForum.Benchmarks.Load;

/// <summary>A throwaway redis-server on a loopback port (no persistence), stopped when disposed.</summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process process;

    private RedisProcess(Process process, int port) => (this.process, Connection) = (process, $"127.0.0.1:{port}");

    public string Connection { get; }

    public static async Task<RedisProcess> StartAsync(CancellationToken ct)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("redis-server",
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start redis-server (Debian: apt-get install redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, ct);
                return new RedisProcess(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100, ct);
            }
        }
        process.Kill();
        throw new TimeoutException("redis-server did not start listening.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
