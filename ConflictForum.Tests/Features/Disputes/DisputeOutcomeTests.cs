using ConflictForum.Features;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>
/// Every ended dispute says how it ended: one outcome per dispute, the same on its page as in the list's filter and sort, and
/// ended pages speak of the past. A quorum of 3 so a handful of votes decides.
/// </summary>
public sealed class DisputeOutcomeTests() : ClockedForumAppTest(new Dictionary<string, string?>
{
    ["Voting:Quorum"] = "3", ["Voting:MinimumAccountAge"] = "00:00:00",
})
{
    private sealed record Cast(int Claimant, int Respondent, int NoClear, int Unanswered, int Withdrawn, int Running);

    /// <summary>One dispute of every outcome; all but the running one past their deadlines, nothing saved by the sweep yet.</summary>
    private async Task<Cast> EveryOutcomeAsync()
    {
        var voters = new List<ForumActor>();
        for (var i = 0; i < 5; i++) voters.Add(await MemberAsync($"Voter {i}"));
        async Task<int> VotedAsync(string title, FaultOption option, int votes)
        {
            var d = await Given.DisputeBetweenAsync($"{title} claimant", $"{title} respondent", Scenario.Dispute(title + " dispute"));
            foreach (var voter in voters.Take(votes)) await Given.VoteAsync(voter, d.DisputeId, option);
            return d.DisputeId;
        }
        var claimant = await VotedAsync("Claimant fault", FaultOption.ClaimantAtFault, 5);
        var respondent = await VotedAsync("Respondent fault", FaultOption.RespondentAtFault, 5);
        var noClear = await VotedAsync("Too few votes", FaultOption.Both, 1);
        var unanswered = (await Given.OpenAsync(await MemberAsync("Left alone"), Scenario.Dispute("Nobody answered me"))).DisputeId;
        var withdrawer = await MemberAsync("Withdrawer");
        var withdrawn = (await Given.OpenAsync(withdrawer, Scenario.Dispute("Thought better of it"))).DisputeId;
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.WithdrawAsync(withdrawer, withdrawn))).Succeeded);
        Clock.Advance(TimeSpan.FromDays(15)); // past the response window (7 days) and the voting window after it (7 days)
        var running = (await Given.DisputeBetweenAsync("Still", "Going", Scenario.Dispute("Still going on"))).DisputeId;
        return new(claimant, respondent, noClear, unanswered, withdrawn, running);
    }

    private Task<DisputeView?> ViewAsync(int id, ForumActor? viewer = null) =>
        WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(id, viewer ?? ForumActor.Anonymous));

    private async Task<List<int>> ListAsync(DisputeListQuery query) =>
        [.. (await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(query))).Rows.Select(r => r.Dispute.Id)];

    [Fact]
    public async Task Each_ended_dispute_has_its_outcome_on_its_page_at_once_and_the_verdict_closing_freezes()
    {
        var c = await EveryOutcomeAsync();

        var expected = new Dictionary<int, DisputeOutcome>
        {
            [c.Claimant] = DisputeOutcome.ClaimantAtFault, [c.Respondent] = DisputeOutcome.RespondentAtFault,
            [c.NoClear] = DisputeOutcome.NoClearVerdict, [c.Unanswered] = DisputeOutcome.Unanswered,
            [c.Withdrawn] = DisputeOutcome.Withdrawn, [c.Running] = DisputeOutcome.Running,
        };
        // Before the sweep saved the closes: the page already says how they ended, with the verdict closing will freeze.
        var unsaved = new Dictionary<int, string?>();
        foreach (var (id, outcome) in expected)
        {
            var view = (await ViewAsync(id))!;
            Assert.Equal(outcome, view.Row.Outcome);
            unsaved[id] = view.Dispute.FinalVerdict;
        }
        Assert.StartsWith("The public finds: the claimant is at fault, 100% (95% interval", unsaved[c.Claimant], StringComparison.Ordinal);
        Assert.Equal("No clear verdict yet: 1 of the 3 votes needed.", unsaved[c.NoClear]);

        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync());
        foreach (var (id, outcome) in expected)
        {
            var view = (await ViewAsync(id))!;
            Assert.Equal(outcome, view.Row.Outcome);
            Assert.Equal(unsaved[id], view.Dispute.FinalVerdict); // the same words, now frozen on the record
        }
    }

    [Fact]
    public async Task The_list_filters_by_each_outcome_and_sorts_by_outcome_with_the_running_last()
    {
        var c = await EveryOutcomeAsync();
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync());

        Assert.Equal([c.Claimant], await ListAsync(new(Outcome: DisputeOutcome.ClaimantAtFault)));
        Assert.Equal([c.Respondent], await ListAsync(new(Outcome: DisputeOutcome.RespondentAtFault)));
        Assert.Empty(await ListAsync(new(Outcome: DisputeOutcome.BothAtFault)));
        Assert.Empty(await ListAsync(new(Outcome: DisputeOutcome.NeitherAtFault)));
        Assert.Equal([c.NoClear], await ListAsync(new(Outcome: DisputeOutcome.NoClearVerdict)));
        Assert.Equal([c.Unanswered], await ListAsync(new(Outcome: DisputeOutcome.Unanswered)));
        Assert.Equal([c.Withdrawn], await ListAsync(new(Outcome: DisputeOutcome.Withdrawn)));
        Assert.Equal([c.Running], await ListAsync(new(Outcome: DisputeOutcome.Running)));
        Assert.Equal([c.Running], await ListAsync(new(Outcome: DisputeOutcome.Running, Search: "going")));

        Assert.Equal([c.Claimant, c.Respondent, c.NoClear, c.Unanswered, c.Withdrawn, c.Running],
            await ListAsync(new(Sort: DisputeSort.Outcome)));
        // Each row in a list carries the outcome its chip shows.
        var rows = (await WithAsync<DisputeQueries, DisputePage>(q => q.ListAsync(new(Sort: DisputeSort.Outcome)))).Rows;
        Assert.Equal([DisputeOutcome.ClaimantAtFault, DisputeOutcome.RespondentAtFault, DisputeOutcome.NoClearVerdict,
            DisputeOutcome.Unanswered, DisputeOutcome.Withdrawn, DisputeOutcome.Running], rows.Select(r => r.Outcome));
    }

    [Fact]
    public async Task An_ended_dispute_tells_every_reader_when_voting_and_the_discussion_closed_and_services_refuse_as_before()
    {
        var d = await Given.DisputeBetweenAsync("Closer", "Closed on");
        var member = await MemberAsync("Member");
        Clock.Advance(TimeSpan.FromDays(8));
        var closedAt = TimeText.Exact((await ViewAsync(d.DisputeId))!.Dispute.ClosedAt!.Value);

        foreach (var reader in new[] { ForumActor.Anonymous, member, d.Claimant })
        {
            var tally = (await WithAsync<DeliberationService, TallyView?>(q => q.TallyAsync(d.DisputeId, reader)))!;
            Assert.Equal($"Voting closed on {closedAt}.", tally.CanVote.Reason);
            Assert.Equal($"The discussion closed with the vote on {closedAt}.", (await ViewAsync(d.DisputeId, reader))!.CanComment.Reason);
        }
        // What the services answer is the rule's own sentence, as it was.
        AssertRefusal.Is(ForumGuardian.SignInFirst, await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(ForumActor.Anonymous, d.DisputeId, FaultOption.Both)));
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen, await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(member, d.DisputeId, FaultOption.Both)));

        // While it runs, a reader is still asked to sign in.
        var open = await Given.DisputeBetweenAsync("Opener", "Still open");
        Assert.Equal(ForumGuardian.SignInFirst,
            (await WithAsync<DeliberationService, TallyView?>(q => q.TallyAsync(open.DisputeId, ForumActor.Anonymous)))!.CanVote.Reason);
    }
}
