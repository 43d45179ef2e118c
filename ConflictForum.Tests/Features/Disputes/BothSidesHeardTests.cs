using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>
/// The public comments and votes only once both sides are heard: when the respondent posts their statement, or when the
/// response deadline passes without it. Joining alone opens nothing.
/// </summary>
public sealed class BothSidesHeardTests : ClockedForumAppTest
{
    [Fact]
    public async Task A_respondent_who_joined_has_until_the_response_deadline_and_the_public_waits_for_their_statement()
    {
        var voter = await MemberAsync("Voter");
        Clock.Advance(TimeSpan.FromDays(2)); // the voter is old enough to vote
        var (id, claimant, respondent) = await Given.JoinedDisputeAsync(await MemberAsync("Dana"), await MemberAsync("Lamp Shop"));

        var stored = await StoredAsync(id);
        Assert.Equal(DisputeStatus.AwaitingResponse, stored.Status);
        Assert.True(stored.AwaitsRespondentStatement);
        Assert.Null(stored.OpenedAt);
        Assert.Equal("Awaiting statement", DisputeLabels.Status(stored));
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen,
            await WithAsync<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(voter, id, FaultOption.Both)));
        AssertRefusal.Is(DeliberationRefusals.OnlyWhileOpen,
            await WithAsync<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(voter, id, "Who is right?")));
        // The invitation was answered: it cannot be sent to someone else any more.
        Assert.False((await WithAsync<DisputeService, Outcome<string>>(s => s.ReissueInvitationAsync(claimant, id))).Succeeded);

        var row = new DisputeRow(stored, "Dana", "Lamp Shop");
        var due = TimeText.Exact(stored.ResponseDeadline);
        Assert.Equal(
            $"Post your statement before {due}. Comments and votes open when you do; without it, they open then with one side only.",
            DisputeLabels.NextStep(row, PartyRole.Respondent));
        Assert.StartsWith($"Lamp Shop has joined and has until {due} to post their statement.", DisputeLabels.NextStep(row, null));
        var (_, page) = await GetPageAsync(DisputeAddresses.DisputeUrl(id)); // a reader's page says it too
        Assert.Contains(DisputeLabels.NextStep(row, null)!, page, StringComparison.Ordinal);
        Assert.Contains("Statement due", page, StringComparison.Ordinal);
        Assert.Contains("joined as the respondent. Comments and votes open when their statement is posted",
            (await EntriesAsync(id))[^1].Summary);

        // The claimant's own new version opens nothing: it is the other side the public waits for.
        Assert.True((await SaveAsync(claimant, id, "It arrived broken; photos attached.")).Succeeded);
        Assert.Equal(DisputeStatus.AwaitingResponse, (await StoredAsync(id)).Status);

        Clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await SaveAsync(respondent, id, "It left us intact.")).Succeeded);

        var opened = await StoredAsync(id);
        var now = Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(DisputeStatus.Open, opened.Status);
        Assert.Equal(now, opened.OpenedAt);
        Assert.Equal(now + TimeSpan.FromDays(7), opened.VotingClosesAt); // the whole voting window, from when both were heard
        Assert.False(opened.RespondentDidNotRespond);
        Assert.Null(DisputeLabels.NextStep(new DisputeRow(opened, "Dana", "Lamp Shop"), null));
        var (_, openPage) = await GetPageAsync(DisputeAddresses.DisputeUrl(id));
        Assert.DoesNotContain("to post their statement", openPage, StringComparison.Ordinal);
        var entries = await EntriesAsync(id);
        Assert.Equal(TimelineKind.StatementPosted, entries[^2].Kind);
        Assert.Equal((TimelineKind.StatusChanged, DisputeLifecycle.BothHeard), (entries[^1].Kind, entries[^1].Summary));
        Assert.True((await WithAsync<DeliberationService, Outcome>(s => s.CastFaultVoteAsync(voter, id, FaultOption.Both))).Succeeded);

        // A second version is only a new version: the window does not move.
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await SaveAsync(respondent, id, "It left us intact, see the label.")).Succeeded);
        Assert.Equal(opened.VotingClosesAt, (await StoredAsync(id)).VotingClosesAt);
        Assert.Equal(TimelineKind.StatementEdited, (await EntriesAsync(id))[^1].Kind);
    }

    [Fact]
    public async Task A_respondent_who_joined_but_stays_silent_past_the_deadline_opens_the_dispute_with_one_side_only()
    {
        var (id, _, respondent) = await Given.JoinedDisputeAsync(await MemberAsync("Dana"), await MemberAsync("Lamp Shop"));
        var deadline = (await StoredAsync(id)).ResponseDeadline;

        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await WithAsync<DisputeService, int>(s => s.ApplyDueDeadlinesAsync()); // as the background sweep does

        var stored = await StoredAsync(id);
        Assert.Equal(DisputeStatus.Open, stored.Status);
        Assert.Equal(deadline, stored.OpenedAt);
        Assert.True(stored.RespondentDidNotRespond);
        Assert.Equal("Open · no response", DisputeLabels.Status(stored));
        var opening = (await EntriesAsync(id))[^1];
        Assert.Equal((TimelineKind.StatusChanged, DisputeLifecycle.JoinedButSilent), (opening.Kind, opening.Summary));

        // A late statement is still heard, but opens nothing again: the voting window runs from the deadline.
        Assert.True((await SaveAsync(respondent, id, "Sorry, we were away.")).Succeeded);
        var late = await StoredAsync(id);
        Assert.Equal(deadline + TimeSpan.FromDays(7), late.VotingClosesAt);
        Assert.True(late.RespondentDidNotRespond);
        Assert.Equal(TimelineKind.StatementPosted, (await EntriesAsync(id))[^1].Kind);
    }

    [Fact]
    public async Task The_claimant_can_withdraw_while_the_public_waits_for_the_respondent()
    {
        var (id, claimant, _) = await Given.JoinedDisputeAsync(await MemberAsync("Dana"), await MemberAsync("Lamp Shop"));

        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.WithdrawAsync(claimant, id))).Succeeded);
        Assert.Equal(DisputeStatus.Withdrawn, (await StoredAsync(id)).Status);
    }

    private Task<Outcome> SaveAsync(ForumActor party, int id, string text) =>
        WithAsync<DisputeService, Outcome>(s => s.SaveStatementAsync(party, id, text));

    private Task<Dispute> StoredAsync(int id) => Given.StoredAsync(id);

    private Task<List<TimelineEntry>> EntriesAsync(int id) => Given.TimelineAsync(id);
}
