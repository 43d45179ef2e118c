using System.Diagnostics;
using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Benchmarks;

/// <summary>The real app (services, migrations, SQLite durability settings) in a temp folder, driven in-process.</summary>
internal sealed class DeliberationBench : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("conflictforum-bench-").FullName;
    private readonly Host app;

    private DeliberationBench() => app = new Host(folder);

    public static async Task<DeliberationBench> CreateAsync()
    {
        var bench = new DeliberationBench();
        await using var scope = bench.app.Services.CreateAsyncScope(); // starts the app, which migrates
        return bench;
    }

    /// <summary>An open dispute with <paramref name="votes"/> fault votes: rows inserted in bulk, counters set to match.</summary>
    /// <summary>The app's services, for benchmarks that call them directly.</summary>
    public IServiceProvider Services => app.Services;

    public async Task<int> DisputeWithVotesAsync(int votes)
    {
        var claimant = await MemberAsync("Claimant");
        var respondent = await MemberAsync("Respondent");
        int disputeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var disputes = scope.ServiceProvider.GetRequiredService<DisputeService>();
            var opened = (await disputes.OpenDisputeAsync(claimant, new OpenDisputeInput
            {
                Title = "Benchmark dispute with many votes", Summary = "Generated.", RespondentName = "Respondent", Statement = "Generated.",
            })).Value!;
            await disputes.AcceptInvitationAsync(respondent, opened.InvitationToken);
            disputeId = opened.DisputeId;
        }

        var voters = await BulkMembersAsync($"d{disputeId}", votes);
        var factory = app.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();
        foreach (var chunk in voters.Chunk(5_000))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.FaultVotes.AddRange(chunk.Select(v => new FaultVote
            {
                DisputeId = disputeId, VoterId = v.UserId!, Option = (FaultOption)(v.UserId!.GetHashCode(StringComparison.Ordinal) & 3), CastAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var admin = await MemberAsync("Admin");
            await using (var db = await factory.CreateDbContextAsync())
            {
                // The recount re-reads its actor's roles from the database, so the admin must really hold the role.
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = admin.UserId!, RoleId = "role-admin" });
                await db.SaveChangesAsync();
            }
            var report = (await scope.ServiceProvider.GetRequiredService<DeliberationService>().RecountAsync(admin, disputeId, repair: true)).Value!;
            if (report.Counted.Total != votes) throw new InvalidOperationException("Bulk insert and recount disagree.");
        }
        return disputeId;
    }

    /// <summary>Mean time of the tally a reader's page loads (counters plus "did I vote").</summary>
    public async Task<TimeSpan> TallyReadAsync(int disputeId, int reads)
    {
        var reader = await MemberAsync("Reader");
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<DeliberationQueries>();
        for (var i = 0; i < 200; i++) await queries.TallyAsync(disputeId, reader); // warm-up
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < reads; i++) await queries.TallyAsync(disputeId, reader);
        return clock.Elapsed / reads;
    }

    /// <summary>New votes by distinct members for <paramref name="duration"/>, each acknowledged after its durable commit.</summary>
    public async Task<(int Count, TimeSpan Elapsed)> SustainedVotesAsync(int writers, TimeSpan duration)
    {
        var disputeId = await DisputeWithVotesAsync(0);
        var voters = await BulkMembersAsync($"w{writers}", 40_000);
        var next = -1;
        var count = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && Interlocked.Increment(ref next) is var i && i < voters.Count)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<DeliberationService>()
                    .CastFaultVoteAsync(voters[i], disputeId, (FaultOption)(i % 4));
                if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Message);
                Interlocked.Increment(ref count);
            }
        })));
        return (count, clock.Elapsed);
    }

    public async Task<ForumActor> MemberAsync(string name) => (await BulkMembersAsync($"{name[..3]}{Guid.NewGuid():N}"[..12], 1))[0];

    /// <summary>Members straight into the table, in batches: no password hashing, which would dominate the set-up.</summary>
    private async Task<IReadOnlyList<ForumActor>> BulkMembersAsync(string prefix, int count)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();
        var actors = new List<ForumActor>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(5_000))
        {
            await using var db = await factory.CreateDbContextAsync();
            foreach (var i in chunk)
            {
                var name = $"{prefix} {i}";
                var user = new ForumUser
                {
                    Id = $"{prefix}-{i}", UserName = $"{prefix}-{i}", NormalizedUserName = $"{prefix}-{i}".ToUpperInvariant(),
                    DisplayName = name, NormalizedDisplayName = DisplayNames.Normalize(name), CreatedAt = DateTime.UtcNow,
                };
                db.Users.Add(user);
                actors.Add(new ForumActor(user.Id, name, false, false, user.CreatedAt));
            }
            await db.SaveChangesAsync();
        }
        return actors;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class Host(string dataFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("DataFolder", dataFolder);
            builder.UseSetting("Email:Delivery", "PickupFolder");
            builder.UseSetting("Voting:MinimumAccountAge", "00:00:00"); // the generated voters are seconds old
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Benchmarks measure the write path, not the per-member limits that would refuse a machine-speed voter.
            builder.UseSetting("AbuseLimits:Writes:VotesPerMinute", "100000");
        }
    }
}
