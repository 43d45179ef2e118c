using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>Two app instances sharing one SQLite file and a real redis-server, as behind a load balancer.</summary>
public sealed class RedisDisputeEventsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncDisposable
{
    private readonly TempFolder data = new();
    private ForumAppFactory? first;
    private ForumAppFactory? second;

    private ForumAppFactory Instance(ref ForumAppFactory? slot) =>
        slot ??= new ForumAppFactory(dataFolder: data.Path,
            settings: new Dictionary<string, string?> { ["Redis:Connection"] = redis.Connection });

    [RedisFact]
    public async Task A_vote_on_one_instance_reaches_pages_subscribed_on_the_other()
    {
        var a = Instance(ref first);
        var b = Instance(ref second);
        Assert.IsType<RedisDisputeEvents>(a.Services.GetRequiredService<IDisputeEvents>());

        var (disputeId, reader) = await OpenDisputeWithReaderAsync(a);
        var heardOnB = new TaskCompletionSource<DisputeChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = b.Services.GetRequiredService<IDisputeEvents>().Subscribe(disputeId, change =>
        {
            if (change.Changes.HasFlag(DisputeChanges.Tally)) heardOnB.TrySetResult(change);
            return Task.CompletedTask;
        });
        await Task.Delay(200); // the subscription is local; Redis already carries the channel

        await using (var scope = a.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<DeliberationService>()
                .CastFaultVoteAsync(reader, disputeId, FaultOption.Both);
            Assert.True(outcome.Succeeded, outcome.Message);
        }

        var heard = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(disputeId, heard.DisputeId);
        Assert.Equal([reader.UserId!], heard.Voters); // so B's other pages keep their readers' own votes
        await using var onB = b.Services.CreateAsyncScope();
        var tally = await onB.ServiceProvider.GetRequiredService<DeliberationService>().TallyAsync(disputeId, reader);
        Assert.Equal(1, tally!.Tally!.Both); // and B reads the same committed tally from the shared database
    }

    internal static OpenDisputeInput Driveway =>
        Scenario.Dispute("Shared driveway blocked again", "A van parks across it.", "Rita", "It is blocked.");

    private static async Task<(int DisputeId, ForumActor Reader)> OpenDisputeWithReaderAsync(ForumAppFactory app)
    {
        var given = new Scenario(app);
        var claimant = await given.MemberAsync("Claimant", "c@example.test");
        var respondent = await given.MemberAsync("Respondent", "r@example.test");
        var reader = await given.MemberAsync("Reader", "reader@example.test");
        return ((await given.DisputeBetweenAsync(claimant, respondent, Driveway)).DisputeId, reader);
    }

    public async ValueTask DisposeAsync()
    {
        if (first is not null) await first.DisposeAsync();
        if (second is not null) await second.DisposeAsync();
        data.Dispose();
    }
}

/// <summary>Redis is for live refresh only: with it unreachable, writes still succeed.</summary>
public sealed class RedisDownTests()
    : ForumAppTest(settings: new Dictionary<string, string?> { ["Redis:Connection"] = "127.0.0.1:1,connectTimeout=200" })
{
    [Fact]
    public async Task With_Redis_unreachable_votes_and_comments_are_still_saved()
    {
        var claimant = await MemberAsync("Claimant");
        var respondent = await MemberAsync("Respondent");
        var reader = await MemberAsync("Reader");
        var opened = await Given.DisputeBetweenAsync(claimant, respondent, RedisDisputeEventsTests.Driveway);

        Assert.True((await Run<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(reader, opened.DisputeId, FaultOption.Neither))).Succeeded);
        Assert.True((await Run<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(reader, opened.DisputeId, "Still saved."))).Succeeded);
    }
}
