using ConflictForum.Features.Timeline;

namespace ConflictForum.Features.Disputes;

/// <summary>A dispute page's timeline as one reader sees it: the entries shown, and numbered placeholders for the rest.</summary>
public sealed record DisputeTimeline(IReadOnlyList<TimelineEntry> Entries, IReadOnlyList<TimelineGap> Gaps)
{
    public static readonly DisputeTimeline Empty = new([], []);
}
