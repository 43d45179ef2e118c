using System.Globalization;

namespace ConflictForum.Features.Timeline;

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
