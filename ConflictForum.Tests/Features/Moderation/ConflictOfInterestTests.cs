using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Moderation;

/// <summary>A moderator never acts on a member they are in a dispute with, and never sees the flags raised on their own words.</summary>
public sealed class ConflictOfInterestTests : ClockedForumAppTest
{
    private const string InDispute = "You are in a dispute with this member, so another moderator acts on them and on what they wrote.";

    private async Task<int> OpenAsync(ForumActor claimant, ForumActor respondent, string title) =>
        (await Given.DisputeBetweenAsync(claimant, respondent,
            Scenario.Dispute(title, "What happened between us.", respondent.DisplayName, "My side."))).DisputeId;

    private Task<IReadOnlyList<QueueItem>> QueueAsync(ForumActor moderator) =>
        WithAsync<ModerationQueries, IReadOnlyList<QueueItem>>(q => q.QueueAsync(moderator));

    [Fact]
    public async Task A_moderator_cannot_suspend_remove_the_votes_of_or_moderate_the_words_of_a_member_they_are_in_a_dispute_with()
    {
        var moderator = await WithRoleAsync(await MemberAsync("Moderator Mo"), ForumRoles.Moderator);
        var opponent = await MemberAsync("Opponent Olu");
        await OpenAsync(moderator, opponent, "Unpaid invoice for the garden work");
        // Elsewhere, on a dispute the moderator is no party to, the opponent votes and comments.
        var elsewhere = await OpenAsync(await MemberAsync("Someone"), await MemberAsync("Someone Else"),
            "Noise after midnight every night");
        Assert.True((await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(opponent, elsewhere, FaultOption.Both))).Succeeded);
        var comment = await Given.CommentAsync(opponent, elsewhere, "Both of them are unreasonable.");

        var until = Clock.GetUtcNow().UtcDateTime.AddDays(7);
        Assert.Equal(InDispute,
            (await WithAsync<ModerationService, Outcome>(s => s.SuspendAsync(moderator, opponent.UserId!, until, "Rude to me"))).Message);
        Assert.Equal(InDispute,
            (await WithAsync<ModerationService, Outcome<int>>(s => s.RemoveVotesAsync(moderator, opponent.UserId!, "Brigading"))).Message);
        Assert.Equal(InDispute,
            (await WithAsync<ModerationService, Outcome>(s => s.HideAsync(moderator, ContentKind.Comment, comment, "Unkind"))).Message);
        Assert.Empty((await WithAsync<ModerationQueries, LogPage>(q => q.LogAsync())).Entries);

        // Another moderator, with no stake, may.
        var other = await WithRoleAsync(await MemberAsync("Moderator Neutral"), ForumRoles.Moderator);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.SuspendAsync(other, opponent.UserId!, until, "Repeated insults"))).Succeeded);
        Assert.Equal(InDispute, (await WithAsync<ModerationService, Outcome>(s =>
            s.LiftSuspensionAsync(moderator, opponent.UserId!, "Let them back"))).Message);
        Assert.Equal(1,
            (await WithAsync<ModerationService, Outcome<int>>(s => s.RemoveVotesAsync(other, opponent.UserId!, "Repeated insults"))).Value);
    }

    [Fact]
    public async Task A_moderator_does_not_see_the_flags_on_their_own_words_nor_who_flagged_a_member_they_are_in_a_dispute_with()
    {
        var moderator = await WithRoleAsync(await MemberAsync("Moderator Mo"), ForumRoles.Moderator);
        var opponent = await MemberAsync("Opponent Olu");
        await OpenAsync(moderator, opponent, "Unpaid invoice for the garden work");
        var elsewhere = await OpenAsync(await MemberAsync("Someone"), await MemberAsync("Someone Else"),
            "Noise after midnight every night");
        var own = await Given.CommentAsync(moderator, elsewhere, "As a neighbour myself, I side with the claimant.");
        var opponents = await Given.CommentAsync(opponent, elsewhere, "The claimant is making it up.");
        var flagger = await MemberAsync("Careful Flagger");
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(flagger, ContentKind.Comment, own, FlagReason.OffTopic, "Takes sides as a moderator"))).Succeeded);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(flagger, ContentKind.Comment, opponents, FlagReason.Abuse, "Calls them a liar"))).Succeeded);

        var queue = await QueueAsync(moderator);
        Assert.DoesNotContain(queue, i => i.State.Kind == ContentKind.Comment && i.State.ItemId == own);
        var theirs = Assert.Single(queue);
        Assert.Equal(InDispute, theirs.CanModerate.Reason);
        Assert.Empty(theirs.Flags); // who flagged, and their notes, are for the moderators who may act

        var other = await WithRoleAsync(await MemberAsync("Moderator Neutral"), ForumRoles.Moderator);
        var full = await QueueAsync(other);
        Assert.Equal(2, full.Count);
        Assert.All(full, i => Assert.Equal("Careful Flagger", Assert.Single(i.Flags).FlaggerName));
    }
}
