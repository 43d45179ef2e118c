using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
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
        int disputeId;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var disputes = scope.ServiceProvider.GetRequiredService<DisputeService>();
            var opened = (await disputes.OpenDisputeAsync(claimant, new OpenDisputeInput
            {
                Title = "Noise after midnight", Summary = "Music every night.", RespondentName = "Rita", Statement = "Loud.",
            })).Value!;
            await disputes.AcceptInvitationAsync(respondent, opened.InvitationToken);
            disputeId = opened.DisputeId;
        }

        var outcomes = new List<Outcome>();
        for (var i = 0; i < 6; i++)
        {
            var app = i % 2 == 0 ? first : second;
            await using var scope = app.Services.CreateAsyncScope();
            outcomes.Add(await scope.ServiceProvider.GetRequiredService<DeliberationService>().PostCommentAsync(chatty, disputeId, $"Comment {i}"));
        }

        Assert.Equal(3, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Skip(3), o => Assert.Matches("^Slow down: try again in [0-9]+ seconds. Your text is kept.$", o.Message));
        await using (var scope = second.Services.CreateAsyncScope())
        {
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Comments.CountAsync());
            var deliberation = scope.ServiceProvider.GetRequiredService<DeliberationService>();
            Assert.True((await deliberation.CastFaultVoteAsync(chatty, disputeId, FaultOption.Both)).Succeeded);
            Assert.True((await deliberation.CastFaultVoteAsync(chatty, disputeId, FaultOption.Neither)).Succeeded);
            Assert.True((await deliberation.CastFaultVoteAsync(chatty, disputeId, FaultOption.Neither)).Succeeded); // a repeat costs nothing
            Assert.StartsWith("Slow down", (await deliberation.CastFaultVoteAsync(chatty, disputeId, FaultOption.Both)).Message, StringComparison.Ordinal);

            // Flags too: the claimant flags the three comments, taking turns between the instances.
            var comments = await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Comments.Select(c => c.Id).ToListAsync();
            var flags = new List<Outcome>();
            foreach (var (comment, i) in comments.Select((c, i) => (c, i)))
            {
                await using var flagScope = (i % 2 == 0 ? first : second).Services.CreateAsyncScope();
                flags.Add(await flagScope.ServiceProvider.GetRequiredService<ConflictForum.Features.Moderation.ModerationService>()
                    .FlagAsync(claimant, ConflictForum.Features.Moderation.ContentKind.Comment, comment, ConflictForum.Features.Moderation.FlagReason.Spam, null));
            }
            Assert.Equal([true, true, false], flags.Select(f => f.Succeeded));
            Assert.StartsWith("Slow down", flags[2].Message, StringComparison.Ordinal);

            // Events older than the longest window (a day) are pruned by the deadline sweep; these are all fresh.
            await scope.ServiceProvider.GetRequiredService<DisputeService>().ApplyDueDeadlinesAsync();
            Assert.Equal(8, await scope.ServiceProvider.GetRequiredService<ForumDbContext>().WriteEvents.CountAsync());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        data.Dispose();
    }
}
