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

    /// <summary>The lower bounds, in hours, of the buckets durations are counted in: each a quarter or so above the last.</summary>
    private static readonly int[] Buckets =
    [
        0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 24, 30, 36, 48, 60, 72, 96, 120, 144, 168, 216, 264, 336, 432, 552, 720, 960,
        1248, 1680, 2160, 2880, 4320, 8760,
    ];

    /// <summary>
    /// The bucket a duration is counted in (its lower bound in hours): a median read off them is within a quarter of the
    /// true one, from a few dozen counters however many disputes there are.
    /// </summary>
    public static int HourBucket(TimeSpan duration)
    {
        var hours = Math.Max(0, duration.TotalHours);
        return Buckets[Array.FindLastIndex(Buckets, b => b <= hours)];
    }
}
