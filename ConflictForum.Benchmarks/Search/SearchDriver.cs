using System.Diagnostics;
using System.Globalization;
using System.Text;
using ConflictForum.Benchmarks.HomePage;
using ConflictForum.Benchmarks.Load;
using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Benchmarks.Search;

/// <summary>How big a search run is.</summary>
public sealed record SearchOptions
{
    public int Disputes { get; init; } = 100_000;

    /// <summary>Searches timed per query, after ten untimed ones.</summary>
    public int Searches { get; init; } = 200;

    public required string ReportPath { get; init; }

    public required string Command { get; init; }
}

/// <summary>
/// The search figure (issue 21): a three-word search over 100,000 disputes on SQLite, through the dispute list's query
/// (FTS5 match, the hidden ones left out, ranked, the first page with its names and the total). Writes the "Search" section.
/// </summary>
public static class SearchDriver
{
    public const string Heading = "## Search";

    /// <summary>The statements' words: a few thousand, so a word is in a small share of the disputes, as in real text.</summary>
    private static readonly string[] Vocabulary = [.. Enumerable.Range(0, 3_000).Select(i => $"w{i:x}")
        .Concat(["washing", "machine", "refund", "fence", "garden", "courier", "deposit", "landlord", "boiler", "invoice"])];

    public static async Task<Figure> RunAsync(SearchOptions o, CancellationToken ct = default)
    {
        var started = DateTime.UtcNow;
        var folder = Directory.CreateTempSubdirectory("conflictforum-search-").FullName;
        var results = new List<(string Search, int Matches, double P50, double P95)>();
        try
        {
            await using var bench = await DeliberationBench.CreateAsync(folder);
            var factory = bench.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();
            var seeded = Stopwatch.StartNew();
            await HomeSeed.DisputesAsync(factory, await bench.VotersAsync("search", 2_000), o.Disputes, ct);
            await IndexAsync(factory, ct);
            Console.WriteLine(
                $"[{DateTime.UtcNow:HH:mm:ss}] search {o.Disputes:N0} disputes indexed in {seeded.Elapsed.TotalSeconds:N0} s");
            foreach (var search in new[] { "washing machine refund", "landlord deposit boiler", "parcel refund late" })
                results.Add(await TimeAsync(bench, search, o.Searches, ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } // best effort
        }
        var main = results[0];
        var figure = new Figure($"a three-word search (\"{main.Search}\") over {o.Disputes:N0} disputes, median / p95", "p95 ≤ 50 ms",
            string.Create(CultureInfo.InvariantCulture, $"**{main.P50:N1} / {main.P95:N1} ms** ({main.Matches:N0} matches)"),
            main.P95 <= 50);
        var existing = File.Exists(o.ReportPath) ? await File.ReadAllTextAsync(o.ReportPath, ct) : "# Benchmarks\n";
        await File.WriteAllTextAsync(o.ReportPath, ReportSections.Replace(existing, Heading, Section(o, figure, results, started)), ct);
        return figure;
    }

    /// <summary>Each dispute's document in bulk (the FTS5 table fills from its triggers): its own words and a statement.</summary>
    private static async Task IndexAsync(IDbContextFactory<ForumDbContext> factory, CancellationToken ct)
    {
        var random = new Random(7);
        for (var last = 0; ;)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var rows = await db.Disputes.Where(d => d.Id > last).OrderBy(d => d.Id).Take(5_000)
                .Select(d => new { d.Id, d.Title, d.Summary, d.RespondentName }).ToListAsync(ct);
            if (rows.Count == 0) return;
            db.DisputeSearchTexts.AddRange(rows.Select(r => new DisputeSearchText
            {
                DisputeId = r.Id,
                Text = $"{r.Title}\n{r.Summary}\n{r.RespondentName}\n"
                    + string.Join(' ', Enumerable.Range(0, 120).Select(_ => Vocabulary[random.Next(Vocabulary.Length)])),
            }));
            await db.SaveChangesAsync(ct);
            last = rows[^1].Id;
        }
    }

    private static async Task<(string, int, double, double)> TimeAsync(DeliberationBench bench, string search, int count,
        CancellationToken ct)
    {
        var times = new List<double>(count);
        var matches = 0;
        for (var i = 0; i < 10 + count; i++)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var page = await scope.ServiceProvider.GetRequiredService<DisputeQueries>().ListAsync(new DisputeListQuery(Search: search), ct);
            if (i >= 10) times.Add(clock.Elapsed.TotalMilliseconds);
            matches = page.Total;
        }
        times.Sort();
        return (search, matches, times[times.Count / 2], times[(int)Math.Ceiling(.95 * times.Count) - 1]);
    }

    private static string Section(SearchOptions o, Figure f, List<(string Search, int Matches, double P50, double P95)> all,
        DateTime started)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine("Written by the search driver (`ConflictForum.Benchmarks`); each run replaces this section.").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- **When**: {started:yyyy-MM-dd HH:mm} to {DateTime.UtcNow:HH:mm} UTC");
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        var machine = string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build; load average {load} at the end");
        text.Append("- **Machine**: ").AppendLine(machine);
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Command**: `{o.Command}`");
        text.AppendLine("- **Set-up**: the disputes of the home page's benchmark (" + HomeSeed.Mix + ", 1 in 100 hidden), each with a "
            + "search document of its title, summary, the other party's name and a 120-word statement drawn from about 3,000 words; "
            + "each search is `DisputeQueries.ListAsync` with the words, as the dispute list runs it: the FTS5 match, hidden "
            + "disputes left out, ranked by bm25, the first page of 20 with the parties' names, and the total.").AppendLine();
        text.AppendFigures([f]);
        text.AppendLine().AppendLine("| search | matches | median | p95 |").AppendLine("|---|---|---|---|");
        foreach (var (search, matches, p50, p95) in all)
            text.AppendLine(CultureInfo.InvariantCulture, $"| \"{search}\" | {matches:N0} | {p50:N1} ms | {p95:N1} ms |");
        return text.ToString();
    }
}
