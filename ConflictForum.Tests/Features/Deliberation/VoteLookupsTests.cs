using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Deliberation;

/// <summary>Members' own votes read together for every open page after a change of the tally.</summary>
public sealed class VoteLookupsTests : ClockedForumAppTest
{
    [Fact]
    public async Task Lookups_asked_together_each_get_their_own_member_s_vote_as_of_when_they_asked()
    {
        var claimant = await MemberAsync("Claimant");
        var opened = (await WithAsync<DisputeService, Outcome<OpenedDispute>>(s => s.OpenDisputeAsync(claimant, new OpenDisputeInput
        {
            Title = "Fence on the line", Summary = "Whose fence is it?", RespondentName = "Neighbour", Statement = "It is mine.",
        }))).Value!;
        var neighbour = await MemberAsync("Neighbour");
        await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(neighbour, opened.InvitationToken));
        await WithAsync<DisputeService, Outcome>(s => s.SaveStatementAsync(neighbour, opened.DisputeId, "It is mine."));
        var members = new List<ForumActor>();
        for (var i = 0; i < 6; i++) members.Add(await MemberAsync($"Voter {i}"));
        for (var i = 0; i < 4; i++)
            Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
                s.CastFaultVoteAsync(members[i], opened.DisputeId, (FaultOption)i))).Succeeded);
        var lookups = App.Services.GetRequiredService<VoteLookups>();

        // Many pages at once, several tabs of each member: each answer is its own member's.
        var asked = Enumerable.Range(0, 120).Select(k => members[k % members.Count]).ToList();
        var answers = await Task.WhenAll(asked.Select(m => lookups.OfAsync(opened.DisputeId, m.UserId!)));
        for (var k = 0; k < asked.Count; k++)
            Assert.Equal(k % members.Count < 4 ? (FaultOption)(k % members.Count) : null, answers[k]);

        // A vote changed afterwards is what the next lookup reads.
        Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(members[5], opened.DisputeId, FaultOption.Both))).Succeeded);
        Assert.True((await WithAsync<DeliberationService, Outcome>(s => s.WithdrawFaultVoteAsync(members[0], opened.DisputeId))).Succeeded);
        Assert.Equal(FaultOption.Both, await lookups.OfAsync(opened.DisputeId, members[5].UserId!));
        Assert.Null(await lookups.OfAsync(opened.DisputeId, members[0].UserId!));
    }

    [Fact]
    public async Task A_vote_s_change_names_whose_vote_it_moved_so_other_members_pages_read_none()
    {
        var opened = await Given.DisputeBetweenAsync("Claimant", "Neighbour");
        var voter = await MemberAsync("Voter");
        var heard = new List<DisputeChanged>();
        using var listening = App.Services.GetRequiredService<IDisputeEvents>().Subscribe(opened.DisputeId, change =>
        {
            lock (heard) heard.Add(change);
            return Task.CompletedTask;
        });
        async Task<DisputeChanged> AfterAsync(Func<DeliberationService, Task<Outcome>> act)
        {
            lock (heard) heard.Clear();
            Assert.True((await WithAsync(act)).Succeeded);
            for (var i = 0; i < 250; i++)
            {
                lock (heard) if (heard.Count > 0) return heard[^1];
                await Task.Delay(20);
            }
            throw new TimeoutException("No change was published.");
        }

        Assert.Equal([voter.UserId!], (await AfterAsync(s => s.CastFaultVoteAsync(voter, opened.DisputeId, FaultOption.Both))).Voters);
        Assert.Equal([voter.UserId!], (await AfterAsync(s => s.CastFaultVoteAsync(voter, opened.DisputeId, FaultOption.Neither))).Voters);
        Assert.Empty((await AfterAsync(s => s.CastFaultVoteAsync(voter, opened.DisputeId, FaultOption.Neither))).Voters!); // a repeat
        Assert.Equal([voter.UserId!], (await AfterAsync(s => s.WithdrawFaultVoteAsync(voter, opened.DisputeId))).Voters);
    }
}
