using ConflictForum.Features.Content;
using ConflictForum.Features.Timeline;

namespace ConflictForum.Features.Disputes;

/// <summary>A timeline as readers who are not signed in see it, at (at least) <paramref name="Version"/> of its dispute.</summary>
public sealed record PublicTimelineData(int Version, IReadOnlyList<TimelineEntry> Entries, HiddenItems Hidden)
{
    /// <summary>Numbered placeholders for the entries not shown (<see cref="DisputeTimeline.Gaps"/>).</summary>
    public IReadOnlyList<TimelineGap> Gaps { get; init; } = [];
}
