using System.Collections.Concurrent;
using System.Globalization;

namespace ConflictForum.Platform;

/// <summary>How instants read on screen and in the record, in one place for every feature.</summary>
public static class TimeText
{
    private const string Day = "ddd d MMM yyyy, HH:mm";

    /// <summary>
    /// The texts of recent instants, one string each for every page that shows them: a member's page keeps the text of every
    /// time it shows (in its render tree), and a thousand open pages of a dispute show the same few dozen instants. Emptied
    /// when it grows past <see cref="KeptTexts"/>.
    /// </summary>
    private static readonly ConcurrentDictionary<(long Ticks, string How), string> Texts = new();

    private const int KeptTexts = 10_000;

    private static int written;

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
    public static string Exact(DateTime utc) => Kept(utc, $"{Day} 'UTC'");

    /// <summary>
    /// "Sun 6 Dec 2026, 05:00 GMT-5": the instant in a reader's zone, with its offset that day, written as the browser
    /// writes it (js/time.js, Intl's "shortOffset"), so a time reads the same whether the server or the browser wrote it.
    /// UTC itself reads as <see cref="Exact(DateTime)"/>.
    /// </summary>
    public static string Exact(DateTime utc, TimeZoneInfo zone)
    {
        if (zone.Id is "UTC" or "Etc/UTC" or "Etc/UCT" or "Universal" or "Etc/Universal") return Exact(utc);
        return Kept(utc, zone.Id, zone, static (at, zone) =>
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
            return $"{local.ToString(Day, CultureInfo.InvariantCulture)} {Offset(zone.GetUtcOffset(at))}";
        });
    }

    /// <summary>"2026-12-06T10:00:00Z": the machine-readable instant of a &lt;time datetime&gt;.</summary>
    public static string Iso(DateTime utc) => Kept(utc, "yyyy-MM-dd'T'HH:mm:ss'Z'");

    /// <summary><paramref name="utc"/> written in <paramref name="format"/> (invariant), the same string for every caller.</summary>
    private static string Kept(DateTime utc, string format) =>
        Kept(utc, format, format, static (at, format) => at.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>
    /// What <paramref name="write"/> makes of <paramref name="utc"/> and <paramref name="how"/>, once for every caller that
    /// names it <paramref name="name"/>.
    /// </summary>
    private static string Kept<T>(DateTime utc, string name, T how, Func<DateTime, T, string> write)
    {
        if (Volatile.Read(ref written) > KeptTexts)
        {
            Texts.Clear();
            Volatile.Write(ref written, 0);
        }
        return Texts.GetOrAdd((utc.Ticks, name), static (key, made) =>
        {
            Interlocked.Increment(ref written); // about the count (ConcurrentDictionary.Count takes every lock)
            return made.write(new DateTime(key.Ticks, DateTimeKind.Utc), made.how);
        }, (write, how));
    }

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
