using Bunit;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictForum.Tests.Components;

/// <summary>The fault vote as each reader sees it, from the tally the services read for them.</summary>
public sealed class FaultVotePanelTests : ForumAppComponentTest
{
    private async Task<IRenderedComponent<FaultVotePanel>> PanelAsync(int disputeId, ForumActor viewer)
    {
        var tally = await ReadAsync<DeliberationService, TallyView?>(q => q.TallyAsync(disputeId, viewer));
        return Render<FaultVotePanel>(p => p.Add(c => c.DisputeId, disputeId).Add(c => c.Tally, tally!).Add(c => c.Viewer, viewer));
    }

    [Fact]
    public async Task A_member_who_voted_sees_the_tally_and_their_vote_pressed()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var voter = await Given.MemberAsync("Voter");
        await Given.VoteAsync(voter, d.DisputeId, FaultOption.RespondentAtFault);

        var panel = await PanelAsync(d.DisputeId, voter);

        var tally = panel.Find("[data-testid='tally']").TextContent;
        Assert.Contains("1 · Respondent at fault", tally, StringComparison.Ordinal);
        Assert.Contains("0 · Claimant at fault", tally, StringComparison.Ordinal);
        Assert.Equal("true", panel.Find("[data-testid='vote-RespondentAtFault']").GetAttribute("aria-pressed"));
        Assert.Contains("Your vote is counted.", panel.Markup, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid='blind-tally']"));
    }

    [Fact]
    public async Task A_member_who_has_not_voted_sees_only_how_many_voted_and_may_vote()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        await Given.VoteAsync(await Given.MemberAsync("Voter"), d.DisputeId, FaultOption.Both);

        var panel = await PanelAsync(d.DisputeId, await Given.MemberAsync("Undecided"));

        Assert.StartsWith("1 vote cast so far. Vote to see how others voted",
            panel.Find("[data-testid='blind-tally']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid='tally']"));
        Assert.Equal(Enum.GetValues<FaultOption>().Length, panel.FindAll("[data-testid^='vote-']").Count);
        Assert.All(panel.FindAll("[data-testid^='vote-']"), b => Assert.Equal("false", b.GetAttribute("aria-pressed")));
    }

    [Fact]
    public async Task A_party_is_told_why_they_cannot_vote_and_offered_no_vote()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var tally = await ReadAsync<DeliberationService, TallyView?>(q => q.TallyAsync(d.DisputeId, d.Claimant));

        var panel = await PanelAsync(d.DisputeId, d.Claimant);

        Assert.False(tally!.CanVote.Allowed);
        Assert.NotEmpty(tally.CanVote.Reason);
        Assert.Contains(tally.CanVote.Reason, panel.Find("[data-testid='fault-vote']").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid^='vote-']"));
    }

    [Fact]
    public async Task Another_members_vote_moves_the_count_keeping_the_buttons_and_each_still_casts_its_own_option()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var reader = await Given.MemberAsync("Reader");
        await SignInAsync(reader);
        var panel = await PanelAsync(d.DisputeId, reader);
        string Handlers() => string.Join(" ", panel.FindAll("[data-testid^='vote-']").Select(b => b.GetAttribute("blazor:onclick")));
        var bound = Handlers();

        await Given.VoteAsync(await Given.MemberAsync("Other"), d.DisputeId, FaultOption.Both);
        var moved = await ReadAsync<DeliberationService, TallyView?>(q => q.TallyAsync(d.DisputeId, reader));
        var voted = new TaskCompletionSource();
        panel.Render(p => p.Add(c => c.Tally, moved!).Add(c => c.Changed, () => voted.TrySetResult()));

        Assert.StartsWith("1 vote cast so far", panel.Find("[data-testid='blind-tally']").TextContent.Trim(), StringComparison.Ordinal);
        // Every open page renders the panel again at each vote: its buttons keep their handlers, so none is bound again.
        Assert.Equal(bound, Handlers());
        await panel.Find("[data-testid='vote-ClaimantAtFault']").ClickAsync(new());
        await voted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var mine = await ReadAsync<DeliberationService, TallyView?>(q => q.TallyAsync(d.DisputeId, reader));
        Assert.Equal(FaultOption.ClaimantAtFault, mine!.MyVote);
    }

    [Fact]
    public async Task On_a_live_page_others_votes_move_the_tally_and_the_reader_s_own_vote_from_another_tab_shows_too()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var reader = await Given.MemberAsync("Reader");
        await Given.VoteAsync(reader, d.DisputeId, FaultOption.Both);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        using var updates = new CircuitDisputeUpdates(App.Services.GetRequiredService<IDisputeEvents>(), TimeProvider.System,
            NullLogger<CircuitDisputeUpdates>.Instance);
        updates.Follow(d.DisputeId);
        var tally = await ReadAsync<DeliberationService, TallyView?>(q => q.TallyAsync(d.DisputeId, reader));
        var panel = Render<FaultVotePanel>(p => p.Add(c => c.DisputeId, d.DisputeId).Add(c => c.Tally, tally!)
            .Add(c => c.Viewer, reader).AddCascadingValue(updates));
        string Pressed() => string.Join(" ", panel.FindAll("[aria-pressed='true']").Select(b => b.GetAttribute("data-testid")));

        // Another member's vote says whose it was: this page keeps its reader's vote as shown, and the count moves.
        await Given.VoteAsync(await Given.MemberAsync("Other"), d.DisputeId, FaultOption.Neither);
        panel.WaitForAssertion(() => Assert.Contains("1 · Neither", panel.Find("[data-testid='tally']").TextContent,
            StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("vote-Both", Pressed());

        // The reader changes their vote in another tab: the change names them, so this page reads their vote again.
        await Given.VoteAsync(reader, d.DisputeId, FaultOption.ClaimantAtFault);
        panel.WaitForAssertion(() => Assert.Equal("vote-ClaimantAtFault", Pressed()), TimeSpan.FromSeconds(10));
        Assert.Contains("1 · Claimant at fault", panel.Find("[data-testid='tally']").TextContent, StringComparison.Ordinal);
    }
}
