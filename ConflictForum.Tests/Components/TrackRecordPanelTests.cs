using Bunit;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.TrackRecords;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>
/// The track record as a reader sees it: each figure said plainly and linked to the disputes behind it, nothing counted as
/// honoured that was not reported so, and the months as a table beside the charts.
/// </summary>
public sealed class TrackRecordPanelTests : ForumAppComponentTest
{
    private static readonly DateTime December = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static TrackRecordView Record(int opened, Dictionary<SettlementReported, int>? settlements = null) => new(
        opened,
        new Dictionary<DisputeOutcome, int> { [DisputeOutcome.Settled] = 2, [DisputeOutcome.RespondentAtFault] = 1 },
        Answered: 3, NotAnswered: 1, TimeSpan.FromHours(5), TimeSpan.FromDays(3), settlements ?? [],
        [.. Enumerable.Range(0, TrackRecordQueries.Months).Select(i => new TrackRecordMonth(December.AddMonths(i - 11),
            i == 11 ? opened : 0, i == 11 ? 3 : 0, 0, i == 11 ? 1 : 0, 0))]);

    private IRenderedComponent<TrackRecordPanel> Panel(TrackRecordView record) =>
        Render<TrackRecordPanel>(p => p.Add(c => c.Record, record).Add(c => c.Slug, "bolt-couriers").Add(c => c.Name, "Bolt"));

    private static string Figure(IRenderedComponent<TrackRecordPanel> panel, string id) =>
        panel.Find($"[data-testid={id}] [data-testid=figure-value]").TextContent.Trim();

    [Fact]
    public void Each_figure_reads_plainly_and_links_to_the_disputes_behind_it()
    {
        var panel = Panel(Record(4, new() { [SettlementReported.Honoured] = 1, [SettlementReported.NoReport] = 1 }));

        Assert.Equal("4", Figure(panel, "figure-disputes"));
        Assert.Equal("75%", Figure(panel, "figure-response-rate"));
        Assert.Equal("about 5 hours", Figure(panel, "figure-first-response"));
        Assert.Equal("about 3 days", Figure(panel, "figure-settlement"));
        Assert.Equal("1", Figure(panel, "figure-against"));
        Assert.Contains(panel.FindAll("[data-testid=figure-against] a"),
            a => a.GetAttribute("href") == "disputes?organisation=bolt-couriers&outcome=RespondentAtFault");
        var kept = System.Text.RegularExpressions.Regex.Replace(panel.Find("[data-testid=settlements-kept]").TextContent, @"\s+", " ");
        Assert.Contains("1 reported honoured (50%)", kept, StringComparison.Ordinal);
        Assert.Contains("never counted as honoured", kept, StringComparison.Ordinal);
        Assert.Equal(12, panel.FindAll("[data-testid=months] tbody tr").Count);
        Assert.Contains("Dec 2026", panel.Find("[data-testid=months] tbody tr:last-child").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_organisation_without_disputes_says_so_instead_of_showing_zeros()
    {
        var panel = Panel(Record(0));

        Assert.Contains("No dispute has been opened against Bolt yet.", panel.Find("[data-testid=track-record-empty]").TextContent,
            StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=figure-disputes]"));
    }
}
