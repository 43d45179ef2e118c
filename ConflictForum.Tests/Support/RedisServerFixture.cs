using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConflictForum.Tests.Support;

/// <summary>A real redis-server on a free loopback port for the duration of a test class; nothing persisted.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private Process? server;

    public const string HowToInstall = "No redis-server found. Install it (Debian: apt-get install redis-server) or set REDIS_SERVER_PATH.";

    public static string? ExecutablePath =>
        new[] { Environment.GetEnvironmentVariable("REDIS_SERVER_PATH"), "/usr/bin/redis-server" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    public string Connection => server is null ? throw new InvalidOperationException(HowToInstall) : $"127.0.0.1:{Port}";

    private int Port { get; set; }

    public async Task InitializeAsync()
    {
        if (ExecutablePath is not { } executable) return;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        server = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not start listening on port {Port}.");
    }

    public Task DisposeAsync()
    {
        if (server is { HasExited: false }) server.Kill();
        server?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A test that needs redis-server: skipped with instructions when there is none, except under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        var underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (RedisServerFixture.ExecutablePath is null && !underCi) Skip = RedisServerFixture.HowToInstall;
    }
}
