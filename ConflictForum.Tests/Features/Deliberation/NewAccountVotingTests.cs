using ConflictForum.Features.Deliberation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Deliberation;

public sealed class NewAccountVotingTests()
    : ClockedForumAppTest(new Dictionary<string, string?> { ["Voting:MinimumAccountAge"] = "1.00:00:00" })
{
    [Fact]
    public async Task Accounts_younger_than_the_minimum_age_cannot_vote_or_take_stances_but_can_comment()
    {
        var opened = await Given.DisputeBetweenAsync("Claimant", "Respondent",
            Scenario.Dispute("Parcel left in the rain", "The courier left it outside.", "Courier", "Soaked."));
        var resolution = (await Run<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(opened.Claimant, opened.DisputeId, "Refund the item", "£25."))).Value;
        Clock.Advance(TimeSpan.FromHours(6));
        var newcomer = await MemberAsync("Newcomer");

        var vote = await Run<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(newcomer, opened.DisputeId, FaultOption.RespondentAtFault));
        Assert.Equal("New accounts can vote 24 hours after joining: 24 hours to go.", vote.Message);
        Assert.False((await Run<DeliberationService, Outcome>(s => s.SetStanceAsync(newcomer, resolution, true))).Succeeded);
        Assert.True((await Run<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(newcomer, opened.DisputeId, "Hello."))).Succeeded);

        Clock.Advance(TimeSpan.FromHours(24));
        Assert.True((await Run<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(newcomer, opened.DisputeId, FaultOption.RespondentAtFault))).Succeeded);
        Assert.True((await Run<DeliberationService, Outcome>(s => s.SetStanceAsync(newcomer, resolution, true))).Succeeded);
    }
}
