using System.Diagnostics;
using System.Globalization;
using System.Text;
using ConflictForum.Benchmarks.Load;
using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.TrackRecords;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConflictForum.Benchmarks.Load.FigureTable;
using Figure = ConflictForum.Benchmarks.Load.Figure;

namespace ConflictForum.Benchmarks.OrgPage;

/// <summary>How big an organisation-page run is.</summary>
public sealed record OrgPageOptions
{
    public int Small { get; init; } = 10;

    public int Large { get; init; } = 10_000;

    /// <summary>Page loads timed for each organisation, interleaved, after <see cref="WarmUp"/> untimed ones.</summary>
    public int Requests { get; init; } = 400;

    public int WarmUp { get; init; } = 40;

    public required string ReportPath { get; init; }

    public required string Command { get; init; }
}

/// <summary>
/// The organisation page's figure (issue 20): its render time for an organisation with 10 disputes and for one with 10,000,
/// whose track record comes from counters kept by every step. Writes the "Organisation pages" section of the report.
/// </summary>
public static class OrgPageDriver
{
    public const string Heading = "## Organisation pages";

    public static async Task<Figure> RunAsync(OrgPageOptions o, CancellationToken ct = default)
    {
        var started = DateTime.UtcNow;
        var folder = Directory.CreateTempSubdirectory("conflictforum-orgpage-").FullName;
        Figure figure;
        try
        {
            await using var bench = await DeliberationBench.CreateAsync(folder, settings: new Dictionary<string, string>
            {
                ["AbuseLimits:Writes:StatementsPerHour"] = "100000",
                ["AbuseLimits:Writes:InvitationsPerDay"] = "100000",
                ["AbuseLimits:Writes:ResolutionsPerHour"] = "100000", // offers count as resolutions
                ["AbuseLimits:Writes:AnswersPerMinute"] = "100000",
            });
            var owner = await bench.MemberAsync("Owner");
            var customer = await bench.MemberAsync("Customer");
            var small = await OrganisationAsync(bench, owner, "Small Couriers Ltd", "small-couriers");
            var large = await OrganisationAsync(bench, owner, "Large Couriers Ltd", "large-couriers");
            owner = await ActorAsync(bench, owner);
            await DisputesAsync(bench, small, "Small Couriers Ltd", o.Small, customer, owner, ct);
            await DisputesAsync(bench, large, "Large Couriers Ltd", o.Large, customer, owner, ct);
            using var client = bench.CreateClient();
            var times = new Dictionary<string, List<double>> { ["small-couriers"] = [], ["large-couriers"] = [] };
            Log($"timing: {o.WarmUp} + {o.Requests} page loads of each, interleaved");
            for (var i = 0; i < o.WarmUp + o.Requests; i++)
            {
                foreach (var slug in i % 2 == 0 ? new[] { "small-couriers", "large-couriers" } : ["large-couriers", "small-couriers"])
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await client.GetAsync(new Uri($"/organisations/{slug}", UriKind.Relative), ct);
                    var html = await response.Content.ReadAsStringAsync(ct);
                    var elapsed = clock.Elapsed.TotalMilliseconds;
                    if (!response.IsSuccessStatusCode || !html.Contains("Track record", StringComparison.Ordinal))
                        throw new InvalidOperationException($"/organisations/{slug} answered {response.StatusCode} without its record.");
                    if (i >= o.WarmUp) times[slug].Add(elapsed);
                }
            }
            var (s50, s95, l50, l95) = (Percentile(times["small-couriers"], .5), Percentile(times["small-couriers"], .95),
                Percentile(times["large-couriers"], .5), Percentile(times["large-couriers"], .95));
            var (counters, all) = await CountersAsync(bench, large, ct);
            figure = new Figure(
                $"the organisation page (`/organisations/{{slug}}`, static render with its track record, figures and charts) for an "
                + $"organisation with {o.Small:N0} disputes vs one with {o.Large:N0}, {o.Requests} loads each, interleaved: median / p95",
                "p95 ≤ 30 ms; ratio of p95s ≤ 1.5",
                string.Create(CultureInfo.InvariantCulture,
                    $"{o.Small:N0}: {s50:N1} / {s95:N1} ms; {o.Large:N0}: {l50:N1} / {l95:N1} ms ({counters} counters read of {all}); "
                    + $"ratio of p95s **{l95 / s95:N2}**"),
                l95 <= 30 && s95 <= 30 && l95 <= 1.5 * s95);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } // best effort
        }
        var existing = File.Exists(o.ReportPath) ? await File.ReadAllTextAsync(o.ReportPath, ct) : "# Benchmarks\n";
        await File.WriteAllTextAsync(o.ReportPath, ReportSections.Replace(existing, Heading, Section(o, figure, started)), ct);
        return figure;
    }

    private static async Task<int> OrganisationAsync(DeliberationBench bench, ForumActor owner, string name, string slug)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<OrganisationService>().CreateAsync(owner,
            new OrganisationInput { Name = name, Slug = slug, Website = $"https://{slug}.example", Description = "Parcels, fast." });
        if (!created.Succeeded) throw new InvalidOperationException(created.Message);
        await using var db = await Factory(bench).CreateDbContextAsync();
        var id = await db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
        await db.Organisations.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Verification, OrganisationVerification.Admin).SetProperty(o => o.VerifiedAt, DateTime.UtcNow));
        return id;
    }

    /// <summary>
    /// Disputes through the forum's own services: every one opened, two in three answered by the organisation, one in five
    /// settled on its offer. Then their openings are spread over two years (as a real organisation's are) and each is counted
    /// again by the keeper, as the next step on it would.
    /// </summary>
    private static async Task DisputesAsync(DeliberationBench bench, int organisation, string name, int count, ForumActor customer,
        ForumActor owner, CancellationToken ct)
    {
        Log($"{name}: {count:N0} disputes through the services");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var disputes = scope.ServiceProvider.GetRequiredService<DisputeService>();
            var opened = Check(await disputes.OpenDisputeAsync(customer, new OpenDisputeInput
            {
                Title = $"Parcel {i + 1} arrived damaged", Summary = "Generated.", RespondentName = name,
                RespondentOrganisationId = organisation, Statement = "The box was crushed and the lamp inside broken.",
            }, ct));
            if (i % 3 != 2)
            {
                Check(await disputes.JoinForOrganisationAsync(owner, opened.DisputeId, ct));
                Check(await disputes.SaveStatementAsync(owner, opened.DisputeId, "We packed it well; the depot dropped it.", ct));
            }
            if (i % 5 == 0 && i % 3 != 2)
            {
                var offers = scope.ServiceProvider.GetRequiredService<OfferService>();
                var offer = Check(await offers.MakeOfferAsync(owner, opened.DisputeId,
                    new OfferInput { Terms = "We refund the lamp.", ExpiresAt = DateTime.UtcNow.AddDays(3) }, ct: ct));
                Check(await offers.AcceptOfferAsync(customer, offer, ct));
            }
            if ((i + 1) % 1_000 == 0) Log($"{name}: {i + 1:N0} in {clock.Elapsed.TotalSeconds:N0} s");
        }
        await using var db = await Factory(bench).CreateDbContextAsync(ct);
        await db.Disputes.Where(d => d.RespondentOrganisationId == organisation)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.CreatedAt, d => d.CreatedAt.AddDays(-(d.Id % 730))), ct);
        var keeper = bench.Services.GetRequiredService<TrackRecordKeeper>();
        var ids = await db.Disputes.Where(d => d.RespondentOrganisationId == organisation).Select(d => d.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(100))
        {
            await using var batch = await Factory(bench).CreateDbContextAsync(ct);
            await using var tx = await batch.Database.BeginTransactionAsync(ct); // one durable commit per batch, as a step has
            foreach (var dispute in await batch.Disputes.Where(d => chunk.Contains(d.Id)).ToListAsync(ct))
                await keeper.KeepAsync(batch, dispute, organisation, ct);
            await batch.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>The counters the page reads (the totals and the last months), and all the organisation has.</summary>
    private static async Task<(int Read, int All)> CountersAsync(DeliberationBench bench, int organisation, CancellationToken ct)
    {
        await using var db = await Factory(bench).CreateDbContextAsync(ct);
        var all = await db.TrackRecordCounts.CountAsync(c => c.OrganisationId == organisation, ct);
        var first = TrackRecordKey.MonthOf(DateTime.UtcNow).AddMonths(1 - TrackRecordQueries.Months);
        return (await db.TrackRecordCounts.CountAsync(c => c.OrganisationId == organisation && c.Count != 0
            && (c.Month == TrackRecordCount.AllMonths || c.Month >= first), ct), all);
    }

    private static async Task<ForumActor> ActorAsync(DeliberationBench bench, ForumActor member)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConflictForum.Features.Accounts.ForumActors>().ForUserAsync(member.UserId);
    }

    private static IDbContextFactory<ForumDbContext> Factory(DeliberationBench bench) =>
        bench.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();

    private static T Check<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException(outcome.Message);

    private static void Check(Outcome outcome)
    {
        if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Message);
    }

    private static string Section(OrgPageOptions o, Figure f, DateTime started)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine("Written by the organisation page driver (`ConflictForum.Benchmarks`); each run replaces this section.")
            .AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- **When**: {started:yyyy-MM-dd HH:mm} to {DateTime.UtcNow:HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- **Machine**: {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Command**: `{o.Command}`");
        text.AppendLine("- **Set-up**: the forum in-process (its own services, SQLite with WAL and `synchronous=FULL`), pages requested "
            + "through its in-memory test server (no socket), as a reader who is not signed in. Every dispute is opened, answered "
            + "(two in three), offered and settled (one in five) through the services, so the track record is what the keeper "
            + "counted step by step; the openings are then spread over two years and each dispute counted again by the keeper, as "
            + "its next step would.").AppendLine();
        text.AppendFigures([f]);
        return text.ToString();
    }

    private static void Log(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] orgpage {line}");
}
