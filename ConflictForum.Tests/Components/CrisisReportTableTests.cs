using Bunit;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.TrackRecords;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>The report's table and time axis: a row per dispute, its gaps, "slow" said in words, and the medians.</summary>
public sealed class CrisisReportTableTests : ForumComponentTest
{
    private static readonly DateTime Opened = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly CrisisReportRow Slow = new(7, "Late parcel, no answer", DisputeStatus.Open,
    [
        new(CrisisStepKind.Opened, Opened, null, false, null, false),
        new(CrisisStepKind.Joined, Opened.AddHours(5), TimeSpan.FromHours(5), false, null, true),
        new(CrisisStepKind.Answered, null, null, true, TimeSpan.FromHours(2), false),
        new(CrisisStepKind.Offered, null, null, true, null, false),
        new(CrisisStepKind.Settled, null, null, true, null, false),
        new(CrisisStepKind.Reported, null, null, false, null, false),
    ]);

    private static readonly CrisisReport Report = new(new Organisation { Name = "Bolt Couriers Ltd", Slug = "bolt-couriers" }, [Slow],
    [
        new(CrisisStepKind.Joined, TimeSpan.FromHours(1), 4),
        new(CrisisStepKind.Answered, TimeSpan.FromHours(3), 2),
        new(CrisisStepKind.Offered, null, 0),
        new(CrisisStepKind.Settled, null, 0),
        new(CrisisStepKind.Reported, null, 0),
    ], Capped: false, Opened.AddHours(7));

    [Fact]
    public void Each_dispute_is_a_row_linking_to_it_with_a_slow_gap_said_in_words_and_the_medians_below()
    {
        var table = Render<CrisisReportTable>(p => p.Add(t => t.Report, Report));

        var row = table.Find("[data-testid=crisis-row]");
        Assert.Equal("disputes/7", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal(["Dispute", "Opened", "Joined", "Answered", "First offer", "Settled", "Settlement report"],
            table.FindAll("thead th").Select(th => th.TextContent.Trim()));
        var joined = row.QuerySelector("[data-step=Joined]")!;
        Assert.Contains("after 5.0 h", joined.TextContent, StringComparison.Ordinal);
        Assert.Equal("slow", joined.QuerySelector("[data-testid=crisis-slow]")!.TextContent.Trim());
        Assert.NotNull(joined.QuerySelector("[data-testid=crisis-slow] svg")); // an icon besides the word
        Assert.Single(table.FindAll("[data-testid=crisis-slow]"));
        Assert.Equal("still waiting (2.0 h so far)", row.QuerySelector("[data-step=Answered]")!.TextContent.Trim());
        Assert.Equal("still waiting", row.QuerySelector("[data-step=Offered]")!.TextContent.Trim());
        Assert.Equal("not reached", row.QuerySelector("[data-step=Reported]")!.TextContent.Trim());
        Assert.NotNull(table.Find("[role=region][tabindex='0']")); // the box that scrolls can be scrolled from the keyboard

        var medians = table.Find("[data-testid=crisis-medians]");
        Assert.Contains("slow above 1.5 h", medians.QuerySelector("[data-step=Joined]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("too few to judge", medians.QuerySelector("[data-step=Answered]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("none yet", medians.QuerySelector("[data-step=Offered]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_axis_draws_each_gap_in_proportion_and_lists_it_in_words()
    {
        var axis = Render<CrisisTimeAxis>(p => p.Add(a => a.Row, Slow));

        var segments = axis.FindAll(".cf-crisis-segment");
        Assert.Equal(["flex-grow: 5", "flex-grow: 2"], segments.Select(s => s.GetAttribute("style")));
        Assert.Equal(["1!", "2"], segments.Select(s => s.TextContent.Trim()));
        Assert.Equal("true", axis.Find(".cf-crisis-bar").GetAttribute("aria-hidden"));
        Assert.Equal(["Joined after 5.0 h slow", "Answered: still waiting, 2.0 h so far"],
            axis.FindAll(".cf-crisis-legend li").Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n'],
                StringSplitOptions.RemoveEmptyEntries))));
        Assert.Contains("7.0 h from opening so far", axis.Find("figcaption").TextContent, StringComparison.Ordinal);
    }
}
