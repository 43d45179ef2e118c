using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ConflictForum.Benchmarks.Load;

/// <summary>
/// The forum as its own process on a loopback port, so what it costs (memory, CPU) is measured apart from the driver.
/// Listens on 127.0.0.1 only; stopped (killed) when disposed.
/// </summary>
public sealed class ForumServer : IAsyncDisposable
{
    private readonly Process process;

    private ForumServer(Process process, Uri root)
    {
        this.process = process;
        Root = root;
    }

    public Uri Root { get; }

    public int ProcessId => process.Id;

    /// <summary>CPU time the server process has used so far (user + system), from /proc.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Resident memory of the server process now (VmRSS), in bytes.</summary>
    public long ResidentBytes =>
        File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is var line
            ? long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024
            : 0;

    /// <param name="appDll">The built ConflictForum.dll to run (or the benchmark program, with <paramref name="command"/>).</param>
    /// <param name="environment">ASP.NET Core environment ("Production" for a published build; "Development" serves the
    /// static files of a plain build from the source tree).</param>
    public static async Task<ForumServer> StartAsync(string appDll, string environment, string dataFolder,
        IReadOnlyDictionary<string, string> settings, CancellationToken ct, string? command = null)
    {
        var root = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        if (command is not null) start.ArgumentList.Add(command);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(root.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DataFolder"] = dataFolder;
        start.Environment["SeedDemoData"] = "false";
        start.Environment["Email__Delivery"] = "PickupFolder";
        start.Environment["Site__PublicUrl"] = root.ToString(); // required outside Development
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the forum.");
        // Drain its output so a chatty server never blocks on a full pipe; keep errors visible: the console logger writes
        // warnings and failures to standard output too, each a level line ("warn: ...") and its indented lines.
        var informational = false;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line) return;
            if (line.StartsWith("info:", StringComparison.Ordinal) || line.StartsWith("dbug:", StringComparison.Ordinal))
                informational = true;
            else if (!char.IsWhiteSpace(line[0])) informational = false;
            if (!informational) Console.Error.WriteLine($"[server] {line}");
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[server] {line}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ForumServer(process, root);
        using var http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited) throw new InvalidOperationException($"The forum exited at start with code {process.ExitCode}.");
            try
            {
                using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative), ct);
                if (health.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                await server.DisposeAsync();
                throw new TimeoutException("The forum did not answer /healthz within a minute.");
            }
            await Task.Delay(200, ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
