using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Notifications;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Notifications;

/// <summary>Following a dispute, and the followers told of its statements, resolutions and end after the step commits.</summary>
public sealed class FollowTests : ClockedForumAppTest
{
    [Fact]
    public async Task Commenters_voters_and_members_who_chose_to_follow_hear_of_a_new_resolution_once_and_after_the_commit()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        var commenter = await MemberAsync("Sam");
        var voter = await MemberAsync("Greg");
        var chooser = await MemberAsync("Priya");
        var quitter = await MemberAsync("Alex");
        var stranger = await MemberAsync("Stranger");
        Clock.Advance(TimeSpan.FromDays(2));
        await Given.CommentAsync(commenter, id, "Interesting.");
        await Given.CommentAsync(quitter, id, "Me too.");
        await Given.VoteAsync(voter, id, FaultOption.Both);
        Assert.True((await WithAsync<Following, Outcome>(f => f.SetAsync(chooser, id, follow: true))).Succeeded);
        Assert.True((await WithAsync<Following, Outcome>(f => f.SetAsync(quitter, id, follow: false))).Succeeded);
        Assert.True(await WithAsync<Following, bool>(f => f.IsFollowingAsync(commenter, id)));
        Assert.False(await WithAsync<Following, bool>(f => f.IsFollowingAsync(quitter, id)));
        Assert.False(await WithAsync<Following, bool>(f => f.IsFollowingAsync(stranger, id)));
        await WithAsync<FollowerFanOut, int>(f => f.RunAsync()); // the statements, told before this test's step

        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.ProposeResolutionAsync(commenter, id, "Split it", "Half each."))).Succeeded);
        Assert.Empty(await ResolutionNoticesAsync(voter)); // told after the commit, from the outbox

        var told = await WithAsync<FollowerFanOut, int>(f => f.RunAsync());
        Assert.Equal(2, told); // Greg and Priya: the parties heard already, Sam proposed it, Alex stopped following
        Assert.Single(await ResolutionNoticesAsync(voter));
        Assert.Single(await ResolutionNoticesAsync(chooser));
        Assert.Single(await ResolutionNoticesAsync(claimant)); // once, though a party and a follower
        Assert.Empty(await ResolutionNoticesAsync(quitter));
        Assert.Empty(await ResolutionNoticesAsync(stranger));
        Assert.Empty(await ResolutionNoticesAsync(commenter));
        Assert.Equal(0, await WithAsync<FollowerFanOut, int>(f => f.RunAsync())); // done: never twice
        Assert.Single(await ResolutionNoticesAsync(respondent));
    }

    [Fact]
    public async Task Following_is_for_members_and_for_disputes_that_exist()
    {
        var (id, _, _) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        Assert.False((await WithAsync<Following, Outcome>(f => f.SetAsync(ForumActor.Anonymous, id, true))).Succeeded);
        var member = await MemberAsync("Sam");
        Assert.False((await WithAsync<Following, Outcome>(f => f.SetAsync(member, id + 100, true))).Succeeded);
        Assert.True((await WithAsync<Following, Outcome>(f => f.SetAsync(member, id, true))).Succeeded);
        Assert.True((await WithAsync<Following, Outcome>(f => f.SetAsync(member, id, true))).Succeeded); // twice is once
        Assert.True(await WithAsync<Following, bool>(f => f.IsFollowingAsync(member, id)));
    }

    private async Task<List<Notification>> ResolutionNoticesAsync(ForumActor member) =>
        [.. (await WithAsync<NotificationCenter, NotificationPage>(c => c.PageAsync(member))).Items
            .Where(n => n.Kind == TimelineKind.ResolutionProposed)];
}
