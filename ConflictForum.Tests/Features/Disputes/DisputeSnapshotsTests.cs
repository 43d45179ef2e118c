using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Disputes;

public sealed class DisputeSnapshotsTests : ForumAppTest
{
    [Fact]
    public async Task A_shared_read_is_never_older_than_the_change_a_page_heard_and_each_page_gets_its_own_copy()
    {
        var opened = await Given.DisputeBetweenAsync("Claimant", "Respondent",
            Scenario.Dispute("Shared driveway blocked by bins", "Bins every day.", "Neighbour", "Bins."));
        var heard = new List<DisputeChanged>();
        using var listening = App.Services.GetRequiredService<IDisputeEvents>().Subscribe(opened.DisputeId, change =>
        {
            lock (heard) heard.Add(change);
            return Task.CompletedTask;
        });
        var snapshots = App.Services.GetRequiredService<DisputeSnapshots>();

        async Task<int> VoteAsync(string name, FaultOption option)
        {
            var voter = await MemberAsync(name);
            Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
                s.CastFaultVoteAsync(voter, opened.DisputeId, option))).Succeeded);
            for (var i = 0; i < 100 && !heard.Exists(h => h.Changes == DisputeChanges.Tally && h.Version > 0); i++) await Task.Delay(20);
            lock (heard)
            {
                var version = heard.Last().Version;
                heard.Clear();
                return version;
            }
        }

        var first = await VoteAsync("First Voter", FaultOption.Both);
        var seen = await snapshots.GetAsync(opened.DisputeId, first);
        Assert.Equal(1, seen!.BothAtFaultVotes);

        var second = await VoteAsync("Second Voter", FaultOption.Neither);
        Assert.True(second > first);
        var fresh = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => snapshots.GetAsync(opened.DisputeId, second)));
        Assert.All(fresh, d => Assert.Equal((1, 1), (d!.BothAtFaultVotes, d.NeitherAtFaultVotes))); // the cached first read is not served

        // A page that asks for a version the row never had (a stale event of another dispute) cannot pin an old row for the others.
        var bogus = await snapshots.GetAsync(opened.DisputeId, second + 1_000);
        Assert.Equal(second, bogus!.Version);
        var third = await VoteAsync("Third Voter", FaultOption.Both);
        Assert.Equal(2, (await snapshots.GetAsync(opened.DisputeId, third))!.BothAtFaultVotes);

        fresh[0]!.Title = "Changed by one page";
        Assert.Equal("Shared driveway blocked by bins", fresh[1]!.Title);
        Assert.Equal("Shared driveway blocked by bins", (await snapshots.GetAsync(opened.DisputeId, second))!.Title);
    }
}
