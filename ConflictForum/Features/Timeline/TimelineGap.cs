namespace ConflictForum.Features.Timeline;

/// <summary>
/// Entries <see cref="From"/> to <see cref="To"/> of a timeline as shown without them, and what they are and why they are not
/// shown (<see cref="Text"/>): a reader sees the numbers run on, and a gap never looks like a deletion.
/// </summary>
public sealed record TimelineGap(int From, int To, string Text)
{
    /// <summary>
    /// The gaps in <paramref name="shown"/> (ascending sequences) up to <paramref name="last"/>, each missing entry described by
    /// <paramref name="describe"/>; neighbours described alike make one gap.
    /// </summary>
    public static IReadOnlyList<TimelineGap> Between(IEnumerable<int> shown, int last, Func<int, string> describe)
    {
        var gaps = new List<TimelineGap>();
        var next = 1;
        foreach (var sequence in shown.Append(last + 1))
        {
            for (var missing = next; missing < sequence; missing++)
            {
                var text = describe(missing);
                if (gaps.Count > 0 && gaps[^1].To == missing - 1 && gaps[^1].Text == text) gaps[^1] = gaps[^1] with { To = missing };
                else gaps.Add(new(missing, missing, text));
            }
            next = Math.Max(next, sequence + 1);
        }
        return gaps;
    }
}
