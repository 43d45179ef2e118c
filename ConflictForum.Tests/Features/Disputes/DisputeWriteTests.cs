using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>The write scope every service writes in: what a refused write leaves behind, and what a missing dispute comes to.</summary>
public sealed class DisputeWriteTests : ClockedForumAppTest
{
    [Fact]
    public async Task Refused_write_keeps_the_deadlines_it_applied_and_nothing_of_its_own()
    {
        var dana = await MemberAsync("Dana");
        var opened = (await WithAsync<DisputeService, Outcome<OpenedDispute>>(s => s.OpenDisputeAsync(dana, new OpenDisputeInput
        {
            Title = "Broken lamp and no refund",
            Summary = "The lamp arrived in pieces; the seller says it left intact.",
            Category = DisputeCategory.Purchase,
            RespondentName = "Lamp Shop Ltd",
            Statement = "The parcel arrived broken.",
        }))).Value!;
        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        // A party may not vote: refused, after the write opened the dispute because its response deadline had passed.
        var vote = await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(dana, opened.DisputeId, FaultOption.RespondentAtFault));
        AssertRefusal.Is(DeliberationRefusals.PartiesDoNotVote, vote);

        await using var db = App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContext();
        var stored = await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == opened.DisputeId);
        Assert.Equal(DisputeStatus.Open, stored.Status); // saved, not only seen as of now
        Assert.Equal(0, stored.VoteCount);
        Assert.Empty(await db.FaultVotes.Where(v => v.DisputeId == opened.DisputeId).ToListAsync());
        Assert.Contains(await db.TimelineEntries.Where(e => e.DisputeId == opened.DisputeId).ToListAsync(),
            e => e.Kind == TimelineKind.StatusChanged && e.ActorId is null);
    }

    [Fact]
    public async Task Write_on_a_dispute_that_does_not_exist_is_not_found()
    {
        var reader = await MemberAsync("Reader");

        var outcome = await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(reader, 404_404, "Hello?"));

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
        Assert.Equal(DisputeWrite.NotFound.Message, outcome.Message);
    }
}
