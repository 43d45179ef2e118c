using System.Diagnostics;
using System.Globalization;
using System.Text;
using ConflictForum.Benchmarks.Load;
using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Notifications;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static ConflictForum.Benchmarks.Load.FigureTable;

namespace ConflictForum.Benchmarks.HomePage;

/// <summary>How big a home-page run is.</summary>
public sealed record HomePageOptions
{
    public int Disputes { get; init; } = 100_000;

    /// <summary>Page loads timed after <see cref="WarmUp"/> untimed ones.</summary>
    public int Requests { get; init; } = 1_000;

    public int WarmUp { get; init; } = 50;

    /// <summary>Reads of the lists without the cache, and of a member's actions, each timed.</summary>
    public int Reads { get; init; } = 100;

    /// <summary>Where to keep the database afterwards (to look at its query plans); default a temp folder, deleted.</summary>
    public string? DataFolder { get; init; }

    public required string ReportPath { get; init; }

    public required string Command { get; init; }
}

/// <summary>
/// The home page's figure (issue 21): its render time with 100,000 disputes, as readers who are not signed in load it (the
/// lists cached for their interval), beside what the cache saves (the lists read afresh) and what a member adds (their actions,
/// read with each request). Writes the "Home page" section of the report.
/// </summary>
public static class HomePageDriver
{
    public const string Heading = "## Home page";

    public static async Task<Figure> RunAsync(HomePageOptions o, CancellationToken ct = default)
    {
        var started = DateTime.UtcNow;
        var loadBefore = LoadAverage();
        var folder = o.DataFolder ?? Directory.CreateTempSubdirectory("conflictforum-home-").FullName;
        Figure figure;
        try
        {
            await using var bench = await DeliberationBench.CreateAsync(folder);
            var members = await bench.VotersAsync("home", 2_000);
            var seeded = Stopwatch.StartNew();
            var counts = await HomeSeed.DisputesAsync(Factory(bench), members, o.Disputes, ct);
            Log($"{o.Disputes:N0} disputes in {seeded.Elapsed.TotalSeconds:N0} s ({counts})");

            using var client = bench.CreateClient();
            var pages = new List<double>(o.Requests);
            for (var i = 0; i < o.WarmUp + o.Requests; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative), ct);
                var html = await response.Content.ReadAsStringAsync(ct);
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode || !html.Contains("data-testid=\"front-settled\"", StringComparison.Ordinal)
                    || !html.Contains("data-testid=\"dispute-row\"", StringComparison.Ordinal))
                    throw new InvalidOperationException($"/ answered {response.StatusCode} without its lists.");
                if (i >= o.WarmUp) pages.Add(elapsed);
            }
            var fresh = await TimedAsync(o.Reads, async () =>
            {
                await using var scope = bench.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DisputeQueries>().FrontPageAsync(ct);
            });
            var member = await MemberWithDisputesAsync(bench, members[0], ct);
            var involved = 0;
            var actions = await TimedAsync(o.Reads, async () =>
            {
                await using var scope = bench.Services.CreateAsyncScope();
                var mine = await scope.ServiceProvider.GetRequiredService<MyDisputesQueries>().GetAsync(member, ct);
                involved = mine.Actions.Count + mine.Running.Count + mine.Ended.Count;
            });
            var (p50, p95) = (Percentile(pages, .5), Percentile(pages, .95));
            figure = new Figure(
                $"the home page (`/`, static render of the three lists as a reader who is not signed in sees them) with "
                + $"{o.Disputes:N0} disputes, {o.Requests:N0} loads: median / p95",
                "p95 ≤ 30 ms",
                string.Create(CultureInfo.InvariantCulture,
                    $"**{p50:N1} / {p95:N1} ms**; the lists read afresh (a cache miss, once per interval): "
                    + $"{Percentile(fresh, .5):N1} / {Percentile(fresh, .95):N1} ms; a member's actions (a party to {involved} "
                    + $"disputes), read with each of their requests: "
                    + $"{Percentile(actions, .5):N1} / {Percentile(actions, .95):N1} ms"),
                p95 <= 30);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (o.DataFolder is null)
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } // best effort
            }
        }
        var existing = File.Exists(o.ReportPath) ? await File.ReadAllTextAsync(o.ReportPath, ct) : "# Benchmarks\n";
        var load = $"{loadBefore} at the start, {LoadAverage()} at the end";
        await File.WriteAllTextAsync(o.ReportPath, ReportSections.Replace(existing, Heading, Section(o, figure, started, load)), ct);
        return figure;
    }

    /// <summary>The member as the services read them (the claimant of <see cref="HomeSeed.MemberDisputes"/>, and party to more).</summary>
    private static async Task<ForumActor> MemberWithDisputesAsync(DeliberationBench bench, ForumActor member, CancellationToken ct)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConflictForum.Features.Accounts.ForumActors>()
            .ForUserAsync(member.UserId, ct);
    }

    private static async Task<List<double>> TimedAsync(int count, Func<Task> read)
    {
        for (var i = 0; i < 10; i++) await read(); // warm-up
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await read();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static IDbContextFactory<ForumDbContext> Factory(DeliberationBench bench) =>
        bench.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();

    /// <summary>The machine's load over the last minute (Linux), which the figures depend on where cores are shared.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Section(HomePageOptions o, Figure f, DateTime started, string load)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine("Written by the home page driver (`ConflictForum.Benchmarks`); each run replaces this section.").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- **When**: {started:yyyy-MM-dd HH:mm} to {DateTime.UtcNow:HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- **Machine**: {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build; load average {load}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Command**: `{o.Command}`");
        text.AppendLine("- **Set-up**: the forum in-process (its own services, SQLite with WAL and `synchronous=FULL`, the migrations' "
            + $"indexes only), pages requested through its in-memory test server (no socket). {o.Disputes:N0} disputes inserted in "
            + "bulk over two years (" + HomeSeed.Mix + "), each settled one with its settlement, 1 in 100 hidden. The lists are "
            + "cached for `FrontPage:CacheFor` (30 s), so the page loads are nearly all cache hits; the lists read afresh are timed "
            + "on their own, through `DisputeQueries.FrontPageAsync`, as are a member's actions (`MyDisputesQueries`). No index fits "
            + "the lists' sorts yet: each reads every dispute of its status by `(Status, CreatedAt)` and sorts them; indexes on "
            + "Disputes `(Status, ActivityCount, LastActivityAt)`, `(Status, VotingClosesAt)`, `(Status, ResponseDeadline)` and "
            + "`(Status, ClosedAt)` would let each read only its first rows.").AppendLine();
        text.AppendFigures([f]);
        return text.ToString();
    }

    private static void Log(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] home {line}");
}
