using System.Globalization;
using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Timeline;

/// <summary>Computes a day's digest from the timeline rows, by when each entry was written (UTC).</summary>
public sealed class RecordDigests(IDbContextFactory<ForumDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Null until the day is over: entries may still be written on it.</summary>
    public async Task<RecordDigest?> OfDayAsync(DateOnly day, CancellationToken ct = default)
    {
        var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = start.AddDays(1);
        if (end > clock.GetUtcNow().UtcDateTime) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var written = db.TimelineEntries.Where(e => e.RecordedAt >= start && e.RecordedAt < end);
        var lines = await written
            .Where(e => !written.Any(later => later.DisputeId == e.DisputeId && later.Sequence > e.Sequence))
            .OrderBy(e => e.DisputeId)
            .Select(e => new DigestLine(e.DisputeId, e.Sequence, e.Hash))
            .ToListAsync(ct);
        return new RecordDigest(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), lines,
            TimelineWriter.Sha256(RecordDigest.Text(lines)));
    }

    /// <summary>The last day whose digest is published.</summary>
    public DateOnly Yesterday => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
}
