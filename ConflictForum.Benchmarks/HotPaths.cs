using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Benchmarks;

/// <summary>
/// BenchmarkDotNet over the hot service paths, on the real services and a real SQLite file (synchronous=FULL). In-process,
/// so no generated project has to be built: <c>dotnet run -c Release --project ConflictForum.Benchmarks -- hot</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcess))]
public class HotPaths
{
    private const string Statement = """
        I bought a **Northwind WM-800** washing machine on 2 November (order 48213). It was delivered on 4 November.

        On 26 November it stopped spinning mid-cycle and shows error **E21**. I have:

        - reset it twice, as the manual says
        - cleaned the filter
        - sent Northwind [a video of the fault](https://example.com/video)

        > I have a family of four and no working washing machine for over a month is not a reasonable remedy.
        """;

    private DeliberationBench bench = default!;
    private int disputeId;
    private ForumActor voter = default!;
    private int round;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        bench = await DeliberationBench.CreateAsync();
        disputeId = await bench.DisputeWithVotesAsync(1_000);
        voter = await bench.MemberAsync("Hot path voter");
    }

    [GlobalCleanup]
    public void Cleanup() => bench.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One member changing their vote: one durable transaction (lock, standing, guardian, limiter, counters).</summary>
    [Benchmark]
    public async Task<Outcome> CastFaultVote()
    {
        await using var scope = bench.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliberationService>()
            .CastFaultVoteAsync(voter, disputeId, (FaultOption)(round++ % 4));
    }

    /// <summary>What a reader's page loads for the fault vote: the counters row and "did I vote".</summary>
    [Benchmark]
    public async Task<TallyView?> ReadTally()
    {
        await using var scope = bench.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliberationService>().TallyAsync(disputeId, voter);
    }

    /// <summary>Markdig then HtmlSanitizer over a typical statement.</summary>
    [Benchmark]
    public MarkdownResult RenderMarkdown() => bench.Services.GetRequiredService<MarkdownRenderer>().Render(Statement);

    /// <summary>One hash-chained timeline entry, durably committed (the cost every recorded action adds).</summary>
    [Benchmark]
    public async Task AppendTimelineEntry()
    {
        await using var db = await bench.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await bench.Services.GetRequiredService<TimelineWriter>()
            .AppendAsync(db, disputeId, DateTime.UtcNow, voter, TimelineKind.Reply, "Benchmark entry.", body: "Text",
                bodyHtml: "<p>Text</p>");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    private sealed class InProcess : ManualConfig
    {
        public InProcess() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
