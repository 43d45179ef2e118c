using System.Diagnostics;
using System.Globalization;
using System.Text;
using ConflictForum.Benchmarks.Load;
using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Notifications;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static ConflictForum.Benchmarks.Load.FigureTable;

namespace ConflictForum.Benchmarks.Notify;

/// <summary>How big a notifications run is.</summary>
public sealed record NotifyOptions
{
    /// <summary>Followers of the followed dispute (explicit follows, inserted in bulk).</summary>
    public int Followers { get; init; } = 10_000;

    /// <summary>Notifying writes timed on each dispute, interleaved, after <see cref="WarmUpWrites"/> untimed ones.</summary>
    public int WritesEach { get; init; } = 300;

    public int WarmUpWrites { get; init; } = 30;

    /// <summary>Writes whose fan-out to every follower is timed, by itself and with the outbox running.</summary>
    public int FanOutWrites { get; init; } = 10;

    /// <summary>How often the in-process outbox runs while the fan-out is timed; null: the forum's default.</summary>
    public TimeSpan? FanOutPoll { get; init; }

    /// <summary>Notifications due to be mailed, in each of the two mail stages (rate, then crashes).</summary>
    public int Mails { get; init; } = 3_000;

    public int Kills { get; init; } = 20;

    /// <summary>How often the forum's outbox looks for due mail in the mail stages (its default is 5 s).</summary>
    public TimeSpan MailPoll { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The ConflictForum.dll to run and its environment; null publishes a Release build and runs it as Production.</summary>
    public (string Dll, string Environment)? App { get; init; }

    public string[] Skip { get; init; } = [];

    public required string ReportPath { get; init; }

    public required string Command { get; init; }

    /// <summary>A short run for the test suite: every stage, tiny.</summary>
    public static NotifyOptions Smoke(string reportPath, (string Dll, string Environment) app) => new()
    {
        Followers = 200, WritesEach = 10, WarmUpWrites = 2, FanOutWrites = 1, FanOutPoll = TimeSpan.FromMilliseconds(200),
        Mails = 50, Kills = 2, App = app, ReportPath = reportPath, Command = "(smoke test)",
    };
}

/// <summary>
/// The notifications' figures (issue 19): a notifying write on a dispute with many followers against one with none, the
/// fan-out to every follower after the commit, and the mail outbox against a local SMTP sink, at full speed and through
/// repeated kill -9 of the forum. Writes them as the "Notifications" section of the report, leaving the rest as it is.
/// </summary>
public static partial class NotifyDriver
{
    public const string Heading = "## Notifications";

    private const string FollowerPrefix = "fol";

    public static async Task<IReadOnlyList<Figure>> RunAsync(NotifyOptions options, CancellationToken ct = default)
    {
        var figures = new List<Figure>();
        var started = DateTime.UtcNow;
        if (!options.Skip.Contains("followers")) await FollowersAsync(options, figures, ct);
        if (!options.Skip.Contains("mail")) await MailAsync(options, figures, ct);
        var existing = File.Exists(options.ReportPath) ? await File.ReadAllTextAsync(options.ReportPath, ct) : "# Benchmarks\n";
        var section = Section(options, figures, started, DateTime.UtcNow);
        await File.WriteAllTextAsync(options.ReportPath, ReportSections.Replace(existing, Heading, section), ct);
        return figures;
    }

    /// <summary>
    /// In-process, through the forum's own services and database: the write's own cost with the outbox not running (so both
    /// disputes' writes meet the same machine), then the fan-out it leaves behind, by itself and with the outbox running.
    /// </summary>
    private static async Task FollowersAsync(NotifyOptions o, List<Figure> figures, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("conflictforum-notify-").FullName;
        try
        {
            int followed;
            ForumActor proposer;
            var own = new List<double>();
            await using (var bench = await DeliberationBench.CreateAsync(folder, settings: Settings(runOutbox: false, poll: null)))
            {
                Log($"followers: two disputes, {o.Followers:N0} followers on one");
                followed = await bench.DisputeWithVotesAsync(0);
                var plain = await bench.DisputeWithVotesAsync(0);
                await FollowAsync(bench, followed, await bench.VotersAsync(FollowerPrefix, o.Followers));
                proposer = await bench.MemberAsync("Proposer");
                Log($"followers: {o.WarmUpWrites + o.WritesEach} resolutions proposed on each, interleaved");
                var times = new Dictionary<int, List<double>> { [followed] = [], [plain] = [] };
                for (var i = 0; i < o.WarmUpWrites + o.WritesEach; i++)
                {
                    foreach (var id in i % 2 == 0 ? new[] { followed, plain } : [plain, followed])
                    {
                        var elapsed = await ProposeAsync(bench, proposer, id, i);
                        if (i >= o.WarmUpWrites) times[id].Add(elapsed.TotalMilliseconds);
                    }
                }
                figures.Add(WriteFigure(o, times[followed], times[plain]));
                await MarkNoticesDoneAsync(bench, ct); // the timed writes' fan-outs are not the next stage's to count

                for (var i = 0; i < o.FanOutWrites; i++)
                {
                    await ProposeAsync(bench, proposer, followed, i);
                    await using var scope = bench.Services.CreateAsyncScope();
                    var clock = Stopwatch.StartNew();
                    var told = await scope.ServiceProvider.GetRequiredService<FollowerFanOut>().RunAsync(ct);
                    own.Add(clock.Elapsed.TotalMilliseconds);
                    if (told != o.Followers) throw new InvalidOperationException($"The fan-out told {told}, not {o.Followers}.");
                }
            }
            Log("followers: the fan-out with the outbox running");
            await using var running = await DeliberationBench.CreateAsync(folder, settings: Settings(runOutbox: true, o.FanOutPoll));
            var arrived = new List<double>();
            var random = new Random(19);
            for (var i = 0; i < o.FanOutWrites; i++)
            {
                // At a random moment of the outbox's round, not always just after one ended (where the last wait left off).
                await Task.Delay((o.FanOutPoll ?? new NotificationOptions().MailPoll) * random.NextDouble(), ct);
                arrived.Add(await FanOutArrivalAsync(o, running, proposer, followed, i, ct));
            }
            figures.Add(FanOutFigure(o, arrived, own));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(folder);
        }
    }

    private static Dictionary<string, string> Settings(bool runOutbox, TimeSpan? poll)
    {
        var settings = new Dictionary<string, string>
        {
            ["Notifications:RunOutbox"] = runOutbox ? "true" : "false",
            ["AbuseLimits:Writes:ResolutionsPerHour"] = "100000", // one proposer, at machine speed
        };
        if (poll is { } every) settings["Notifications:MailPoll"] = every.ToString("c", CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>Explicit follows, straight into the table in batches.</summary>
    private static async Task FollowAsync(DeliberationBench bench, int disputeId, IReadOnlyList<ForumActor> followers)
    {
        var factory = bench.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();
        foreach (var chunk in followers.Chunk(5_000))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.Follows.AddRange(chunk.Select(f => new Follow
            {
                DisputeId = disputeId, UserId = f.UserId!, Following = true, At = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>One resolution proposed through the service: the time of the call, which returns after the commit.</summary>
    private static async Task<TimeSpan> ProposeAsync(DeliberationBench bench, ForumActor proposer, int disputeId, int i)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        var deliberation = scope.ServiceProvider.GetRequiredService<DeliberationService>();
        var clock = Stopwatch.StartNew();
        var outcome = await deliberation.ProposeResolutionAsync(proposer, disputeId, $"Proposal {i + 1}",
            $"Split the cost of the repair **evenly**, and settle within {i % 20 + 1} days.");
        var elapsed = clock.Elapsed;
        if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Message);
        return elapsed;
    }

    private static async Task MarkNoticesDoneAsync(DeliberationBench bench, CancellationToken ct)
    {
        await using var db = await bench.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync(ct);
        await db.FollowerNotices.Where(n => n.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DoneAt, DateTime.UtcNow), ct);
    }

    /// <summary>
    /// A write, then the time from its return (the commit) until the outbox marks its notice done, which it does after the
    /// last follower's notification is saved; then every follower's notification is counted.
    /// </summary>
    private static async Task<double> FanOutArrivalAsync(NotifyOptions o, DeliberationBench bench, ForumActor proposer, int disputeId,
        int i, CancellationToken ct)
    {
        var factory = bench.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();
        long last;
        await using (var db = await factory.CreateDbContextAsync(ct))
            last = await db.FollowerNotices.MaxAsync(n => (long?)n.Id, ct) ?? 0;
        await ProposeAsync(bench, proposer, disputeId, 1_000 + i);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            if (await db.FollowerNotices.AsNoTracking().Where(n => n.Id > last && n.DisputeId == disputeId)
                    .SingleOrDefaultAsync(ct) is { DoneAt: not null } notice)
            {
                var elapsed = clock.Elapsed.TotalMilliseconds;
                var told = await db.Notifications.CountAsync(n => n.DisputeId == disputeId && n.Sequence == notice.Sequence
                    && n.RecipientId.StartsWith(FollowerPrefix + "-"), ct);
                if (told != o.Followers) throw new InvalidOperationException($"{told} followers told, not {o.Followers}.");
                return elapsed;
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The fan-out did not finish in two minutes.");
            await Task.Delay(10, ct);
        }
    }

    private static Figure WriteFigure(NotifyOptions o, List<double> followed, List<double> plain)
    {
        var ratio = Median(followed) / Median(plain);
        var p95Ratio = Percentile(followed, 0.95) / Percentile(plain, 0.95);
        return new Figure(
            $"a notifying write (a resolution proposed, which followers hear of) on a dispute with {o.Followers:N0} followers "
            + $"vs an identical dispute with none, {o.WritesEach} writes each, interleaved, same run: median / p95 per write",
            "ratio ≤ 1.1",
            $"followed {Median(followed):N2} / {Percentile(followed, 0.95):N2} ms; none {Median(plain):N2} / "
            + $"{Percentile(plain, 0.95):N2} ms; ratio of medians **{ratio:N2}** (of p95s {p95Ratio:N2})",
            ratio <= 1.1);
    }

    private static Figure FanOutFigure(NotifyOptions o, List<double> arrived, List<double> own)
    {
        var poll = o.FanOutPoll is { } p ? $"every {p.TotalSeconds:0.###} s"
            : $"every {new NotificationOptions().MailPoll.TotalSeconds:0.###} s, the default";
        var worst = arrived.Max();
        return new Figure(
            $"from the write's commit until all {o.Followers:N0} follower notifications exist, the outbox running (polling {poll}), "
            + $"{o.FanOutWrites} writes at random moments of its round: median / max",
            "≤ 10 s",
            $"{Median(arrived) / 1000:N2} / **{worst / 1000:N2} s**; of which the fan-out itself (`FollowerFanOut.RunAsync` "
            + $"after the same write, called directly), median {Median(own) / 1000:N2} s, the rest waiting for the outbox's next round",
            worst <= 10_000);
    }

    private static string Section(NotifyOptions o, List<Figure> figures, DateTime started, DateTime ended)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine("Written by the notifications driver (`ConflictForum.Benchmarks`); each run replaces this section.").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- **When**: {started:yyyy-MM-dd HH:mm} to {ended:HH:mm} UTC");
        var memory = File.ReadLines("/proc/meminfo")
            .First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))["MemTotal:".Length..].Trim();
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Machine**: {Environment.ProcessorCount} cores, {memory} memory, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Command**: `{o.Command}`");
        text.AppendLine("- **Set-up**: followers: the forum in-process (its own services and DI container, SQLite, WAL, "
            + "`synchronous=FULL`), followers inserted in bulk as explicit follows; the writes are timed with the outbox not running "
            + "(it runs on the same 2 cores), then the fan-out each leaves behind is timed by itself and with the outbox running. "
            + "Mail: a Release build of the forum as its own process on 127.0.0.1, mailing over SMTP (MailKit) to a minimal SMTP "
            + "server the driver runs on a loopback port; a message counts as received at its closing dot, before the server's "
            + "\"250\"; every kill is a SIGKILL of the forum process, a random moment after a mail of its life arrived.").AppendLine();
        text.AppendFigures(figures);
        return text.ToString();
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a server still closing its files; the temp folder is the OS's to clean
        }
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
