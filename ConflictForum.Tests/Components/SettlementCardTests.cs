using AngleSharp.Dom;
using Bunit;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>The settlement card shows whether it was honoured: each party's report, or "No report" once the window passed.</summary>
public sealed class SettlementCardTests : ForumAppComponentTest
{
    private static readonly DateTime SettledAt = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly Settlement Settled = new()
    {
        Id = 1, DisputeId = 1, Source = "Refund in full.", Html = "<p>Refund in full.</p>", CarryOutBy = SettledAt.Date.AddDays(3),
        ClaimantAcceptedAt = SettledAt, RespondentAcceptedAt = SettledAt, SettledAt = SettledAt,
    };

    private static ReportView Report(PartyRole role, ReportVerdict verdict, string? answer = null) =>
        new(role == PartyRole.Claimant ? 1 : 2, role, role == PartyRole.Claimant ? "Dana" : "Lamp Shop", verdict, "Note.",
            $"<p>{role} says so.</p>", SettledAt.AddDays(4), answer, answer is null ? null : $"<p>{answer}</p>",
            answer is null ? null : SettledAt.AddDays(5));

    private static SettlementFollowUp FollowUp(DateTime now, params ReportView[] reports) =>
        new(Settled.CarryOutBy!.Value, Settled.CarryOutBy!.Value.AddDays(14), reports, now);

    private static IElement Role(IRenderedComponent<SettlementCard> card, PartyRole role) =>
        card.Find($"[data-testid=settlement-report][data-role={role}]");

    [Fact]
    public void The_card_shows_each_report_with_its_answer_and_a_silent_party_as_no_report_once_the_window_passed()
    {
        var late = SettledAt.AddDays(30);
        var card = Render<SettlementCard>(p => p.Add(c => c.Settlement, Settled)
            .Add(c => c.FollowUp, FollowUp(late, Report(PartyRole.Respondent, ReportVerdict.Honoured, "Only half arrived."))));

        var respondent = Role(card, PartyRole.Respondent);
        Assert.Equal("Honoured", respondent.QuerySelector("[data-testid=report-verdict]")!.TextContent.Trim());
        Assert.Contains("Respondent says so.", respondent.TextContent, StringComparison.Ordinal);
        Assert.Contains("Only half arrived.", respondent.QuerySelector("[data-testid=report-answer]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal("Claimant: No report", Role(card, PartyRole.Claimant).TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=settlement-honoured]")); // silence is never counted as honoured
    }

    [Fact]
    public void Before_the_due_date_it_says_when_reports_open_and_within_the_window_silence_is_not_yet_no_report()
    {
        var early = Render<SettlementCard>(p => p.Add(c => c.Settlement, Settled).Add(c => c.FollowUp, FollowUp(SettledAt)));
        Assert.Contains("can report whether it was honoured from", early.Find("[data-testid=reports-open]").TextContent,
            StringComparison.Ordinal);

        var within = Render<SettlementCard>(p => p.Add(c => c.Settlement, Settled)
            .Add(c => c.FollowUp, FollowUp(SettledAt.AddDays(5), Report(PartyRole.Respondent, ReportVerdict.NotHonoured))));
        Assert.StartsWith("Claimant: Not reported yet", Role(within, PartyRole.Claimant).TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Not honoured", Role(within, PartyRole.Respondent).QuerySelector("[data-testid=report-verdict]")!.TextContent.Trim());
    }

    [Fact]
    public void Both_honoured_reads_settled_honoured()
    {
        var card = Render<SettlementCard>(p => p.Add(c => c.Settlement, Settled).Add(c => c.FollowUp, FollowUp(SettledAt.AddDays(6),
            Report(PartyRole.Claimant, ReportVerdict.Honoured), Report(PartyRole.Respondent, ReportVerdict.Honoured))));

        Assert.Equal("Settled · honoured", card.Find("[data-testid=settlement-honoured]").TextContent.Trim());
    }
}
