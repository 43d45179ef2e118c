using Bunit;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Components;

/// <summary>How an ended dispute shows how it ended: the banner on its page, the chip in lists, and the past tense of its panels.</summary>
public sealed class OutcomeComponentsTests : ForumComponentTest
{
    private static readonly DateTime ClosedAt = new(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);

    public OutcomeComponentsTests()
    {
        Services.AddSingleton(TimeProvider.System);
        // The timeline offers a flag on hidden words' placeholders to no one here, but asks the guardian (FlagSpots).
        Services.AddSingleton(new ConflictForum.Features.ForumGuardian(TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new ConflictForum.Features.Deliberation.VotingOptions())));
        Services.AddTransient<ConflictForum.Features.Moderation.FlagSpots>();
    }

    private static DisputeRow Closed(DisputeOutcome outcome, string verdict, int votes = 5) => new(new Dispute
    {
        Id = 7, Title = "Broken lamp and no refund", Status = DisputeStatus.Closed, ClaimantId = "c", RespondentId = "r",
        CreatedAt = ClosedAt.AddDays(-14), ResponseDeadline = ClosedAt.AddDays(-7), OpenedAt = ClosedAt.AddDays(-10),
        VotingClosesAt = ClosedAt, ClosedAt = ClosedAt, ClaimantAtFaultVotes = votes, FinalVerdict = verdict,
    }, "Dana", "Lamp Shop")
    { Outcome = outcome };

    [Fact]
    public void The_banner_names_the_verdict_with_its_interval_and_when_voting_closed()
    {
        var row = Closed(DisputeOutcome.ClaimantAtFault,
            "The public finds: the claimant is at fault, 100% (95% interval 57%–100%).");

        var banner = Render<OutcomeBanner>(p => p.Add(c => c.Row, row)).Find("[data-testid='outcome']");

        Assert.Equal("Verdict: claimant at fault", banner.QuerySelector("[data-testid='outcome-name']")!.TextContent);
        Assert.Contains("The public finds: the claimant is at fault, 100% (95% interval 57%–100%).", banner.TextContent,
            StringComparison.Ordinal);
        Assert.Contains("Voting closed on Mon 16 Nov 2026, 09:00 UTC with 5 votes.", banner.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dispute_that_ended_without_a_clear_verdict_does_not_say_yet()
    {
        var row = Closed(DisputeOutcome.NoClearVerdict, "No clear verdict yet: 1 of the 10 votes needed.", votes: 1);

        var banner = Render<OutcomeBanner>(p => p.Add(c => c.Row, row)).Find("[data-testid='outcome']");

        Assert.Contains("No clear verdict: 1 of the 10 votes needed.", banner.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("yet", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("with 1 vote.", banner.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unanswered_dispute_says_the_other_side_never_gave_theirs_and_a_running_one_shows_no_banner()
    {
        var row = Closed(DisputeOutcome.Unanswered, "No clear verdict yet: 0 of the 10 votes needed.", votes: 0);
        row.Dispute.OpenedAt = row.Dispute.ResponseDeadline;

        var banner = Render<OutcomeBanner>(p => p.Add(c => c.Row, row)).Find("[data-testid='outcome']");

        Assert.Equal("Unanswered", banner.QuerySelector("[data-testid='outcome-name']")!.TextContent);
        Assert.Contains("Lamp Shop never gave their side", banner.TextContent, StringComparison.Ordinal);
        var running = row with { Outcome = DisputeOutcome.Running };
        Assert.Empty(Render<OutcomeBanner>(p => p.Add(c => c.Row, running)).FindAll("[data-testid='outcome']"));
    }

    [Fact]
    public void A_card_in_a_list_carries_the_outcome_chip_once_the_dispute_ended()
    {
        var ended = Closed(DisputeOutcome.RespondentAtFault, "The public finds: the respondent is at fault, 100% (…).");

        var card = Render<DisputeCard>(p => p.Add(c => c.Row, ended));

        Assert.Equal("Verdict: respondent at fault", card.Find("[data-testid='outcome-chip']").TextContent.Trim());
        var running = ended with { Outcome = DisputeOutcome.Running };
        Assert.Empty(Render<DisputeCard>(p => p.Add(c => c.Row, running)).FindAll("[data-testid='outcome-chip']"));
    }

    private static DisputeRow Settled(SettlementHonour? honour, PartyRole? reportedBy = null)
    {
        var row = Closed(DisputeOutcome.Settled, "No clear verdict yet: 0 of the 10 votes needed.", votes: 0);
        row.Dispute.Status = honour == SettlementHonour.NotHonoured ? DisputeStatus.SettlementDisputed : DisputeStatus.Settled;
        return row with
        {
            Outcome = honour == SettlementHonour.NotHonoured ? DisputeOutcome.SettlementDisputed : DisputeOutcome.Settled,
            FollowUp = honour is { } h ? new(h, ClosedAt.AddDays(7), ClosedAt.AddDays(21), reportedBy) : null,
        };
    }

    [Theory]
    [InlineData(SettlementHonour.NotDue, "Settled · awaiting reports",
        "The parties can report whether it was honoured from Mon 23 Nov 2026, 09:00 UTC.")]
    [InlineData(SettlementHonour.AwaitingReports, "Settled · awaiting reports",
        "neither party has reported whether it was honoured yet (they can until Mon 7 Dec 2026, 09:00 UTC).")]
    [InlineData(SettlementHonour.AwaitingOneReport, "Settled · awaiting a report",
        "Lamp Shop reported it honoured; Dana has not reported yet (they can until Mon 7 Dec 2026, 09:00 UTC).")]
    [InlineData(SettlementHonour.Honoured, "Settled · honoured", "Both parties reported it honoured.")]
    [InlineData(SettlementHonour.PartlyHonoured, "Settled · partly honoured", "A party reported it only partly honoured")]
    [InlineData(SettlementHonour.HonouredByOne, "Settled · honoured (one report)",
        "Lamp Shop reported it honoured; Dana made no report by Mon 7 Dec 2026, 09:00 UTC, which is not counted as honoured.")]
    [InlineData(SettlementHonour.NoReport, "Settled · no report",
        "Neither party reported whether it was honoured by Mon 7 Dec 2026, 09:00 UTC.")]
    [InlineData(SettlementHonour.NotHonoured, "Settled · disputed", "a party reported the settlement not honoured")]
    public void A_settled_dispute_s_banner_and_chip_say_whether_it_was_honoured(SettlementHonour honour, string name, string line)
    {
        var row = Settled(honour, PartyRole.Respondent);

        var banner = Render<OutcomeBanner>(p => p.Add(c => c.Row, row)).Find("[data-testid='outcome']");
        var card = Render<DisputeCard>(p => p.Add(c => c.Row, row));

        Assert.Equal(name, banner.QuerySelector("[data-testid='outcome-name']")!.TextContent);
        Assert.Contains(line, banner.TextContent, StringComparison.Ordinal);
        Assert.Equal(name, card.Find("[data-testid='outcome-chip']").TextContent.Trim());
        // The chip takes the place of the status chip, which would only say "Settled" again.
        Assert.Single(card.FindAll(".mud-chip"), c => c.TextContent.Contains("Settled", StringComparison.Ordinal));
    }

    [Fact]
    public void A_settled_row_read_without_its_follow_up_still_reads_settled()
    {
        var row = Settled(null);

        Assert.Equal("Settled", Render<OutcomeBanner>(p => p.Add(c => c.Row, row)).Find("[data-testid='outcome-name']").TextContent);
        Assert.Equal("Settled", Render<DisputeCard>(p => p.Add(c => c.Row, row)).Find("[data-testid='outcome-chip']").TextContent.Trim());
    }

    [Fact]
    public void The_timeline_numbers_run_on_through_numbered_placeholders()
    {
        TimelineEntry Entry(int sequence) => new() { Sequence = sequence, Summary = $"Entry number {sequence}.", At = ClosedAt };

        var timeline = Render<TimelineView>(p => p.Add(c => c.Entries, [Entry(1), Entry(4), Entry(5)])
            .Add(c => c.Gaps, [new(2, 3, "2 comments and edits of comments: the discussion shows them."),
                new(6, 6, "A comment since hidden. Hidden by a moderator: Rude")]));

        var lines = timeline.FindAll(".cf-seq").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["#1", "#2–#3", "#4", "#5", "#6"], lines);
        Assert.Contains("Hidden by a moderator: Rude", timeline.FindAll("[data-testid='timeline-placeholder']")[1].TextContent,
            StringComparison.Ordinal);
    }
}
