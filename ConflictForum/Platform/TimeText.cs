using System.Globalization;

namespace ConflictForum.Platform;

/// <summary>How instants read on screen and in the record, in one place for every feature.</summary>
public static class TimeText
{
    private const string Day = "ddd d MMM yyyy, HH:mm";

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

    /// <summary>"Sun 6 Dec 2026, 10:00 UTC": the record's, the e-mails' and the exports' time, and every time's hover text.</summary>
    public static string Exact(DateTime utc) => utc.ToString($"{Day} 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>
    /// "Sun 6 Dec 2026, 05:00 GMT-5": the instant in a reader's zone, with its offset that day, written as the browser
    /// writes it (js/time.js, Intl's "shortOffset"), so a time reads the same whether the server or the browser wrote it.
    /// UTC itself reads as <see cref="Exact(DateTime)"/>.
    /// </summary>
    public static string Exact(DateTime utc, TimeZoneInfo zone)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (zone.Id is "UTC" or "Etc/UTC" or "Etc/UCT" or "Universal" or "Etc/Universal") return Exact(utc);
        var offset = zone.GetUtcOffset(utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return $"{local.ToString(Day, CultureInfo.InvariantCulture)} {Offset(offset)}";
    }

    /// <summary>"2026-12-06T10:00:00Z": the machine-readable instant of a &lt;time datetime&gt;.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"GMT", "GMT-5", "GMT+5:30": Intl's short offset.</summary>
    private static string Offset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero) return "GMT";
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        var hours = offset.Hours.ToString(CultureInfo.InvariantCulture);
        var minutes = offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
        return offset.Minutes == 0 ? $"GMT{sign}{hours}" : $"GMT{sign}{hours}:{minutes}";
    }
}
