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
    private readonly string folder;
    private readonly bool ownsFolder;
    private readonly Host app;

    private DeliberationBench(string? dataFolder, string? redis, IReadOnlyDictionary<string, string>? settings)
    {
        ownsFolder = dataFolder is null;
        folder = dataFolder ?? Directory.CreateTempSubdirectory("conflictforum-bench-").FullName;
        app = new Host(folder, redis, settings ?? new Dictionary<string, string>());
    }

    /// <param name="dataFolder">
    /// Where the SQLite file lives (kept afterwards, for a server to open); default a temp folder, deleted at the end.
    /// </param>
    /// <param name="redis">
    /// A Redis connection to publish changes on, as an instance of the forum beside running servers; default none.
    /// </param>
    /// <param name="settings">Further settings of the app (e.g. whether it empties the notification outbox).</param>
    public static async Task<DeliberationBench> CreateAsync(string? dataFolder = null, string? redis = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var bench = new DeliberationBench(dataFolder, redis, settings);
        await using var scope = bench.app.Services.CreateAsyncScope(); // starts the app, which migrates
        return bench;
    }

    /// <summary>An open dispute with <paramref name="votes"/> fault votes: rows inserted in bulk, counters set to match.</summary>
    /// <summary>The app's services, for benchmarks that call them directly.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>A client of the app's in-memory server: pages rendered as a reader's request would, without a socket.</summary>
    public HttpClient CreateClient() => app.CreateClient();

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
                Title = "Benchmark dispute with many votes", Summary = "Generated.", RespondentName = "Respondent",
                Statement = StatementOf("Claimant"),
            })).Value!;
            await disputes.AcceptInvitationAsync(respondent, opened.InvitationToken);
            disputeId = opened.DisputeId;
            var answered = await disputes.SaveStatementAsync(respondent, disputeId, StatementOf("Respondent"));
            if (!answered.Succeeded) throw new InvalidOperationException(answered.Message);
        }

        var voters = await BulkMembersAsync($"d{disputeId}", votes);
        var factory = app.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();
        foreach (var chunk in voters.Chunk(5_000))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.FaultVotes.AddRange(chunk.Select(v => new FaultVote
            {
                DisputeId = disputeId, VoterId = v.UserId!, Option = (FaultOption)(v.UserId!.GetHashCode(StringComparison.Ordinal) & 3),
                CastAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var admin = await MemberAsync("Admin");
            await using (var db = await factory.CreateDbContextAsync())
            {
                // The recount re-reads its actor's roles from the database, so the admin must really hold the role.
                db.UserRoles.Add(
                    new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = admin.UserId!, RoleId = "role-admin" });
                await db.SaveChangesAsync();
            }
            var report = (await scope.ServiceProvider.GetRequiredService<DeliberationService>()
                .RecountAsync(admin, disputeId, repair: true)).Value!;
            if (report.Counted.Total != votes) throw new InvalidOperationException("Bulk insert and recount disagree.");
        }
        return disputeId;
    }

    /// <summary>Posts <paramref name="comments"/> comments on the dispute through the service (each on the timeline too).</summary>
    /// <summary>
    /// A statement of a real dispute's length (five paragraphs, about 1,700 characters), so open pages carry what theirs do.
    /// </summary>
    private static string StatementOf(string party) => string.Join("\n\n", Enumerable.Range(1, 5).Select(i =>
        $"**{party}, point {i}.** On the day in question the goods arrived late and damaged; the photographs, the courier's note "
        + "and the emails exchanged that week all show it. A refund or a replacement was asked for twice, and each time the answer "
        + "was to wait for an inspection that never came. Readers are asked to weigh the record, not the tone."));

    public async Task AddCommentsAsync(int disputeId, int comments)
    {
        var authors = await BulkMembersAsync($"c{disputeId}", 50);
        await using var scope = app.Services.CreateAsyncScope();
        var deliberation = scope.ServiceProvider.GetRequiredService<DeliberationService>();
        for (var i = 0; i < comments; i++)
        {
            var outcome = await deliberation.PostCommentAsync(authors[i % authors.Count], disputeId,
                $"Comment {i + 1}: having read both statements, **this** is what I think happened, and why.");
            if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Message);
        }
    }

    /// <summary>A confirmed member who signs in with a password (through the site, in a browser).</summary>
    public async Task MemberWithPasswordAsync(string displayName, string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ForumUser>>();
        var created = await users.CreateAsync(new ForumUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTime.UtcNow,
        }, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>Mean time of the tally a reader's page loads (counters plus "did I vote").</summary>
    public async Task<TimeSpan> TallyReadAsync(int disputeId, int reads)
    {
        var reader = await MemberAsync("Reader");
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<DeliberationService>();
        for (var i = 0; i < 200; i++) await queries.TallyAsync(disputeId, reader); // warm-up
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < reads; i++) await queries.TallyAsync(disputeId, reader);
        return clock.Elapsed / reads;
    }

    /// <summary>
    /// The baseline for durable writes on this disk: single-row SQLite commits, one writer, WAL and synchronous=FULL, nothing
    /// else (no EF, no checks). What a vote costs if each vote is its own commit and nothing more.
    /// </summary>
    public async Task<double> RawCommitsPerSecondAsync(TimeSpan duration)
    {
        var file = Path.Combine(folder, $"raw-baseline-{Guid.NewGuid():N}.db");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                + "CREATE TABLE votes (id INTEGER PRIMARY KEY, voter TEXT NOT NULL, option INTEGER NOT NULL);";
            await setup.ExecuteNonQueryAsync();
        }
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO votes (voter, option) VALUES ($voter, $option)";
        var voter = insert.Parameters.Add("$voter", Microsoft.Data.Sqlite.SqliteType.Text);
        var option = insert.Parameters.Add("$option", Microsoft.Data.Sqlite.SqliteType.Integer);
        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            (voter.Value, option.Value) = ($"voter-{count}", count % 4);
            await insert.ExecuteNonQueryAsync(); // autocommit: one durable commit per row
            count++;
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>New votes by distinct members for <paramref name="duration"/>, each acknowledged after its durable commit.</summary>
    /// <param name="voterPool">Distinct members available; the run stops early if they all voted.</param>
    /// <param name="round">Which time this is called on this bench: each round's voters are members of their own.</param>
    public async Task<(int Count, TimeSpan Elapsed)> SustainedVotesAsync(int writers, TimeSpan duration, int voterPool = 40_000,
        int round = 0)
    {
        var disputeId = await DisputeWithVotesAsync(0);
        var voters = await BulkMembersAsync($"w{writers}r{round}", voterPool);
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

    /// <summary>Members who have not voted yet, without passwords (they vote through the service, not the site).</summary>
    public Task<IReadOnlyList<ForumActor>> VotersAsync(string prefix, int count) => BulkMembersAsync(prefix, count);

    /// <summary>One fault vote through the service; returns once it is committed (and its change published).</summary>
    public async Task CastFaultVoteAsync(ForumActor voter, int disputeId, FaultOption option)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DeliberationService>().CastFaultVoteAsync(voter, disputeId, option);
        if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Message);
    }

    /// <summary>The dispute's version now: each write moves it, votes committed together once.</summary>
    public async Task<long> DisputeVersionAsync(int disputeId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        return await db.Disputes.Where(d => d.Id == disputeId).Select(d => (long)d.Version).SingleAsync();
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
        if (ownsFolder) Directory.Delete(folder, recursive: true);
    }

    private sealed class Host(string dataFolder, string? redis, IReadOnlyDictionary<string, string> settings)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("DataFolder", dataFolder);
            builder.UseSetting("Email:Delivery", "PickupFolder");
            builder.UseSetting("Site:PublicUrl", "http://localhost/"); // required outside Development; the test server's host
            builder.UseSetting("Voting:MinimumAccountAge", "00:00:00"); // the generated voters are seconds old
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Benchmarks measure the write path, not the per-member limits that would refuse a machine-speed voter.
            builder.UseSetting("AbuseLimits:Writes:VotesPerMinute", "100000");
            builder.UseSetting("AbuseLimits:Writes:CommentsPerMinute", "100000");
            builder.UseSetting("AbuseLimits:Writes:DisputesPerDay", "100000");
            if (redis is not null) builder.UseSetting("Redis:Connection", redis);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
