using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// An organisation's track record, read from its counters: the totals and the last <see cref="Months"/> months, in one
/// query of a bounded number of rows however many disputes it has and however old it is.
/// </summary>
public sealed class TrackRecordQueries(IDbContextFactory<ForumDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The months the page charts, the current one last.</summary>
    public const int Months = 12;

    public async Task<TrackRecordView> GetAsync(int organisationId, CancellationToken ct = default)
    {
        var last = TrackRecordKey.MonthOf(clock.GetUtcNow().UtcDateTime);
        var first = last.AddMonths(1 - Months);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.TrackRecordCounts.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.Count != 0 && (c.Month == TrackRecordCount.AllMonths || c.Month >= first))
            .ToListAsync(ct);
        return Of(counts, first, last);
    }

    internal static TrackRecordView Of(IReadOnlyCollection<TrackRecordCount> counts, DateTime first, DateTime last)
    {
        var total = counts.Where(c => c.Month == TrackRecordCount.AllMonths).ToList();
        int Sum(TrackMeasure measure) => total.Where(c => c.Measure == measure).Sum(c => c.Count);
        var months = counts.Where(c => c.Month != TrackRecordCount.AllMonths).GroupBy(c => c.Month).OrderBy(g => g.Key)
            .Select(g => new TrackRecordMonth(g.Key,
                g.Where(c => c.Measure == TrackMeasure.Opened).Sum(c => c.Count),
                g.Where(c => c.Measure == TrackMeasure.Answered).Sum(c => c.Count),
                g.Where(c => c.Measure == TrackMeasure.Honour).Sum(c => c.Count),
                g.Where(c => c.Measure == TrackMeasure.Outcome && c.Value == (int)DisputeOutcome.RespondentAtFault).Sum(c => c.Count),
                g.Where(c => c.Measure == TrackMeasure.Outcome && c.Value == (int)DisputeOutcome.ClaimantAtFault).Sum(c => c.Count)))
            .ToList();
        return new TrackRecordView(Sum(TrackMeasure.Opened),
            total.Where(c => c.Measure == TrackMeasure.Outcome).GroupBy(c => (DisputeOutcome)c.Value)
                .ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            Sum(TrackMeasure.Answered), Sum(TrackMeasure.NotAnswered),
            Median(total, TrackMeasure.FirstResponseHours), Median(total, TrackMeasure.SettlementHours),
            total.Where(c => c.Measure == TrackMeasure.Honour).GroupBy(c => (SettlementReported)c.Value)
                .ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            EveryMonth(months, first, last));
    }

    /// <summary>The lower median of the durations counted in hour buckets: the bucket holding the middle one.</summary>
    private static TimeSpan? Median(IEnumerable<TrackRecordCount> counts, TrackMeasure measure)
    {
        var buckets = counts.Where(c => c.Measure == measure).OrderBy(c => c.Value).ToList();
        var total = buckets.Sum(c => c.Count);
        if (total == 0) return null;
        var seen = 0;
        foreach (var bucket in buckets)
        {
            seen += bucket.Count;
            if (2 * seen >= total) return TimeSpan.FromHours(bucket.Value);
        }
        return TimeSpan.FromHours(buckets[^1].Value);
    }

    /// <summary>Every month from the first to the last, so a chart's gaps are months with nothing, not missing months.</summary>
    private static List<TrackRecordMonth> EveryMonth(List<TrackRecordMonth> months, DateTime first, DateTime last)
    {
        var byMonth = months.ToDictionary(m => m.Month);
        var all = new List<TrackRecordMonth>();
        for (var month = first; month <= last; month = month.AddMonths(1))
            all.Add(byMonth.GetValueOrDefault(month) ?? new TrackRecordMonth(month, 0, 0, 0, 0, 0));
        return all;
    }
}
