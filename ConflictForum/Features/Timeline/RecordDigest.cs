using System.Globalization;
using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Timeline;

/// <summary>Where a dispute's record stood at the end of a day: its newest entry written that day, and that entry's hash.</summary>
public sealed record DigestLine(int DisputeId, int Entries, string HeadHash);

/// <summary>
/// One day's digest of every record: anyone who keeps a copy can later tell whether a dispute's entries, or a whole dispute
/// with its anchor row, went missing or were rewritten, since the digest recomputed from the rows then differs.
/// <see cref="Hash"/> is the SHA-256 of <see cref="Text"/>.
/// </summary>
public sealed record RecordDigest(string Day, IReadOnlyList<DigestLine> Disputes, string Hash)
{
    /// <summary>One line per dispute, "id entries head-hash", in dispute order, each ending in a line feed.</summary>
    public static string Text(IEnumerable<DigestLine> lines) =>
        string.Concat(lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.DisputeId} {l.Entries} {l.HeadHash}\n")));
}

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
        return new RecordDigest(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), lines, TimelineWriter.Sha256(RecordDigest.Text(lines)));
    }

    /// <summary>The last day whose digest is published.</summary>
    public DateOnly Yesterday => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
}

public static class RecordDigestEndpoint
{
    /// <summary>A day's digest, from the site's root.</summary>
    public static string Url(DateOnly day) => $"/record/digest/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary><c>GET /record/digest/{yyyy-MM-dd}</c>: a finished day's digest as JSON.</summary>
    public static IEndpointConventionBuilder MapRecordDigest(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/record/digest/{day}", async (string day, RecordDigests digests, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Results.NotFound(new { error = "Ask for a day as yyyy-MM-dd, e.g. /record/digest/2026-11-02." });
            return await digests.OfDayAsync(date, ct) is { } digest
                ? Results.Ok(digest)
                : Results.NotFound(new { error = "A day's digest is published once the day is over (UTC)." });
        }).RequireRateLimiting(Accounts.AccountRateLimits.ApiPolicy);
}
