using System.Globalization;

namespace ConflictForum.Features.TrackRecords;

/// <summary>One counter a dispute adds one to: its measure, month and value, written "Outcome:2026-12:3".</summary>
public readonly record struct TrackRecordKey(TrackMeasure Measure, DateTime Month, int Value)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Measure}:{Month:yyyy-MM}:{Value}");

    public static TrackRecordKey Parse(string text)
    {
        var parts = text.Split(':');
        var month = DateTime.ParseExact(parts[1], "yyyy-MM", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new(Enum.Parse<TrackMeasure>(parts[0]), month, int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>The first day of <paramref name="at"/>'s month, UTC.</summary>
    public static DateTime MonthOf(DateTime at) => new(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The bucket a duration is counted in: whole hours up to two days, then six-hour steps up to two weeks, then days up to
    /// a year, so a median is read off a few hundred counters at most.
    /// </summary>
    public static int HourBucket(TimeSpan duration)
    {
        var hours = Math.Max(0, (int)duration.TotalHours);
        return hours < 48 ? hours : hours < 336 ? hours - hours % 6 : hours < 8760 ? hours - hours % 24 : 8760;
    }
}
