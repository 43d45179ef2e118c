using System.Globalization;

namespace ConflictForum.Platform;

/// <summary>How instants read on screen and in the record, in one place for every feature.</summary>
public static class TimeText
{
    /// <summary>"in 3 days", "in 5 hours", "2 days ago": coarse on purpose, with the exact time beside it.</summary>
    public static string Relative(DateTime at, DateTime now)
    {
        var span = at - now;
        var past = span < TimeSpan.Zero;
        span = span.Duration();
        var text = span.TotalDays >= 2 ? $"{(int)span.TotalDays} days"
            : span.TotalHours >= 2 ? $"{(int)span.TotalHours} hours"
            : span.TotalMinutes >= 2 ? $"{(int)span.TotalMinutes} minutes"
            : "a moment";
        return past ? $"{text} ago" : $"in {text}";
    }

    public static string Exact(DateTime utc) => utc.ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
