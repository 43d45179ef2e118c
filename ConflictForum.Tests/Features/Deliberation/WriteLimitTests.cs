using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Deliberation;

/// <summary>Per-member write limits counted in the database: they hold across two app instances on one database.</summary>
public sealed class WriteLimitTests : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["AbuseLimits:Writes:CommentsPerMinute"] = "3",
        ["AbuseLimits:Writes:VotesPerMinute"] = "2",
        ["AbuseLimits:Writes:FlagsPerHour"] = "2",
        ["AbuseLimits:Writes:InvitationsPerDay"] = "2",
        ["AbuseLimits:Writes:StatementsPerHour"] = "2",
        ["AbuseLimits:Writes:AnswersPerMinute"] = "2",
    };

    private readonly TempFolder data = new();
    private readonly ForumAppFactory first;
    private readonly ForumAppFactory second;

    public WriteLimitTests()
    {
        first = new ForumAppFactory(dataFolder: data.Path, settings: Limits);
        second = new ForumAppFactory(dataFolder: data.Path, settings: Limits);
    }

    [Fact]
    public async Task Comments_votes_and_flags_beyond_the_limit_are_refused_with_a_slow_down_message_whichever_instance_takes_them()
    {
        var claimant = await BrowserJourney.CreateMemberAsync(first, "Claimant", "c@example.test");
        var respondent = await BrowserJourney.CreateMemberAsync(first, "Respondent", "r@example.test");
        var chatty = await BrowserJourney.CreateMemberAsync(first, "Chatty", "chatty@example.test");
        var disputeId = (await new Scenario(first).DisputeBetweenAsync(claimant, respondent, Noise())).DisputeId;

        var outcomes = new List<Outcome>();
        for (var i = 0; i < 6; i++)
        {
            var app = i % 2 == 0 ? first : second;
            await using var scope = app.Services.CreateAsyncScope();
            outcomes.Add(await scope.ServiceProvider.GetRequiredService<DeliberationService>()
                .PostCommentAsync(chatty, disputeId, $"Comment {i}"));
        }

        Assert.Equal(3, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Skip(3), o => Assert.Matches("^Slow down: try again in [0-9]+ seconds. Your text is kept.$", o.Message));
        await using (var scope = second.Services.CreateAsyncScope())
        {
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Comments.CountAsync());
            var deliberation = scope.ServiceProvider.GetRequiredService<DeliberationService>();
            Assert.True((await deliberation.CastFaultVoteAsync(chatty, disputeId, FaultOption.Both)).Succeeded);
            Assert.True((await deliberation.CastFaultVoteAsync(chatty, disputeId, FaultOption.Neither)).Succeeded);
            // a repeat costs nothing
            Assert.True((await deliberation.CastFaultVoteAsync(chatty, disputeId, FaultOption.Neither)).Succeeded);
            Assert.StartsWith("Slow down", (await deliberation.CastFaultVoteAsync(chatty, disputeId, FaultOption.Both)).Message,
                StringComparison.Ordinal);

            // Flags too: the claimant flags the three comments, taking turns between the instances.
            var comments = await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Comments.Select(c => c.Id).ToListAsync();
            var flags = new List<Outcome>();
            foreach (var (comment, i) in comments.Select((c, i) => (c, i)))
            {
                await using var flagScope = (i % 2 == 0 ? first : second).Services.CreateAsyncScope();
                flags.Add(await flagScope.ServiceProvider.GetRequiredService<ConflictForum.Features.Moderation.ModerationService>()
                    .FlagAsync(claimant, ConflictForum.Features.Content.ContentKind.Comment, comment,
                        ConflictForum.Features.Moderation.FlagReason.Spam, null));
            }
            Assert.Equal([true, true, false], flags.Select(f => f.Succeeded));
            Assert.StartsWith("Slow down", flags[2].Message, StringComparison.Ordinal);

            // Events older than the longest window (a day) are pruned by the deadline sweep; these are all fresh.
            await scope.ServiceProvider.GetRequiredService<DisputeService>().ApplyDueDeadlinesAsync();
            // 3 comments, 2 votes, 2 flags, the claimant's dispute and the respondent's statement.
            Assert.Equal(9, await scope.ServiceProvider.GetRequiredService<ForumDbContext>().WriteEvents.CountAsync());
        }
    }

    private static OpenDisputeInput Noise(string? respondentEmail = null) =>
        Scenario.Dispute("Noise after midnight", "Music every night.", "Rita", "Loud.", respondentEmail: respondentEmail);

    private static async Task<int> OpenDisputeAsync(ForumAppFactory app, ForumActor claimant, ForumActor? respondent,
        string? respondentEmail = null) =>
        respondent is null
            ? (await new Scenario(app).OpenAsync(claimant, Noise(respondentEmail))).DisputeId
            : (await new Scenario(app).DisputeBetweenAsync(claimant, respondent, Noise(respondentEmail))).DisputeId;

    [Fact]
    public async Task Invitation_reissues_statement_saves_and_resolution_answers_beyond_the_limit_are_refused_with_a_slow_down_message()
    {
        var claimant = await BrowserJourney.CreateMemberAsync(first, "Claimant", "c@example.test");
        var respondent = await BrowserJourney.CreateMemberAsync(first, "Respondent", "r@example.test");
        var waiting = await OpenDisputeAsync(first, claimant, null, respondentEmail: "someone@example.test");
        // Joined but not yet answered: the respondent's first statement is the first of the saves counted below.
        var open = (await new Scenario(first).JoinedDisputeAsync(claimant, respondent, Noise())).DisputeId;
        await using var scope = second.Services.CreateAsyncScope();
        var disputes = scope.ServiceProvider.GetRequiredService<DisputeService>();
        var deliberation = scope.ServiceProvider.GetRequiredService<DeliberationService>();

        // Each re-issue can mail the address the claimant typed: two a day, then "slow down", and the live link stays.
        var reissues = new List<Outcome<string>>();
        for (var i = 0; i < 4; i++) reissues.Add(await disputes.ReissueInvitationAsync(claimant, waiting));
        Assert.Equal([true, true, false, false], reissues.Select(r => r.Succeeded));
        // A day's window: the wait reads in hours, rounded up, not as 86,400 seconds.
        Assert.Equal("Slow down: try again in 24 hours. Your text is kept.", reissues[2].Message);
        Assert.True((await disputes.InspectInvitationAsync(reissues[1].Value!)).Succeeded);

        var saves = new List<Outcome>();
        for (var i = 0; i < 3; i++) saves.Add(await disputes.SaveStatementAsync(respondent, open, $"It was quiet by ten, version {i}."));
        Assert.Equal([true, true, false], saves.Select(s => s.Succeeded));
        Assert.StartsWith("Slow down", saves[2].Message, StringComparison.Ordinal);

        var resolution = (await deliberation.ProposeResolutionAsync(claimant, open, "Quiet after eleven", "Music stops at eleven.")).Value;
        var answers = new List<Outcome>
        {
            await deliberation.AnswerResolutionAsync(respondent, resolution, PartyAnswer.Accepts),
            await deliberation.AnswerResolutionAsync(respondent, resolution, PartyAnswer.Accepts), // a repeat costs nothing
            await deliberation.AnswerResolutionAsync(respondent, resolution, PartyAnswer.Declines),
            await deliberation.AnswerResolutionAsync(respondent, resolution, PartyAnswer.Undecided),
        };
        Assert.Equal([true, true, true, false], answers.Select(a => a.Succeeded));
        Assert.StartsWith("Slow down", answers[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_limited_writes_of_one_member_on_different_disputes_never_exceed_the_limit()
    {
        var claimant = await BrowserJourney.CreateMemberAsync(first, "Claimant", "c@example.test");
        var chatty = await BrowserJourney.CreateMemberAsync(first, "Chatty", "chatty@example.test");
        var disputeIds = new List<int>();
        for (var i = 0; i < 8; i++) // a respondent each, whose statement opens it: two statements an hour is their limit here
        {
            var respondent = await BrowserJourney.CreateMemberAsync(first, $"Respondent {i}", $"r{i}@example.test");
            disputeIds.Add(await OpenDisputeAsync(first, claimant, respondent));
        }

        // Eight comments at once, on eight disputes (so eight different dispute locks), from two instances. SQLite runs one
        // writer at a time; on SQL Server under READ COMMITTED each write's count is serialized by the member's gate row,
        // whose update every limited write of the member makes first and holds locked to its commit.
        var outcomes = await Task.WhenAll(disputeIds.Select(async (id, i) =>
        {
            await using var scope = (i % 2 == 0 ? first : second).Services.CreateAsyncScope();
            return (Outcome)await scope.ServiceProvider.GetRequiredService<DeliberationService>()
                .PostCommentAsync(chatty, id, $"Comment {i}");
        }));

        Assert.Equal(3, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.StartsWith("Slow down", o.Message, StringComparison.Ordinal));
        await using var check = first.Services.CreateAsyncScope();
        Assert.Equal(3, await check.ServiceProvider.GetRequiredService<ForumDbContext>().Comments.CountAsync());
    }

    [Fact]
    public async Task A_member_s_limited_write_waits_for_their_previous_one_to_commit_and_counts_it()
    {
        // SQLite's deferred transactions read without taking the write lock, like SQL Server's READ COMMITTED: two writes can
        // both count before either records its event. The gate row makes the second one's first statement wait for the first.
        var chatty = await BrowserJourney.CreateMemberAsync(first, "Chatty", "chatty@example.test");
        var limiter = first.Services.GetRequiredService<WriteLimiter>();
        var factory = first.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>();
        var now = first.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        for (var i = 0; i < 2; i++) // two of the three comments a minute, one after the other
        {
            await using var db = await factory.CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.True((await limiter.CheckAndRecordAsync(db, chatty.UserId!, WriteAction.Comment, now, default)).Allowed);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        // Then two at once for the last one.
        await using var one = await factory.CreateDbContextAsync();
        await using var two = await factory.CreateDbContextAsync();
        await using var oneTx = await DeferredAsync(one);
        await using var twoTx = await DeferredAsync(two);
        Assert.True((await limiter.CheckAndRecordAsync(one, chatty.UserId!, WriteAction.Comment, now, default)).Allowed);
        var racing = Task.Run(() => limiter.CheckAndRecordAsync(two, chatty.UserId!, WriteAction.Comment, now, default));
        await Task.WhenAny(racing, Task.Delay(TimeSpan.FromSeconds(1)));
        await one.SaveChangesAsync();
        await oneTx.CommitAsync();

        var decision = await racing;
        Assert.False(decision.Allowed, "Both writes counted before either recorded: the member's limit was exceeded.");
        Assert.StartsWith("Slow down", decision.Reason, StringComparison.Ordinal);

        static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> DeferredAsync(ForumDbContext db)
        {
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            return (await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true)))!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        data.Dispose();
    }
}
