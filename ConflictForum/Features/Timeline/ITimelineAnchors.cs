using ConflictForum.Data;

namespace ConflictForum.Features.Timeline;

/// <summary>
/// The end of a dispute's chain, kept on the dispute's row: how many entries it has and the hash of the newest. Every append
/// moves it in the same transaction, so entries deleted or cut off behind the app show as missing.
/// </summary>
public interface ITimelineAnchor
{
    int TimelineLength { get; set; }

    string? TimelineHead { get; set; }
}

/// <summary>Where the timeline finds its anchors. The Disputes feature keeps them on its rows; the timeline does not know disputes.</summary>
public interface ITimelineAnchors
{
    /// <summary>The anchor of <paramref name="disputeId"/>, tracked by <paramref name="db"/>; null when there is no such dispute.</summary>
    ValueTask<ITimelineAnchor?> FindAsync(ForumDbContext db, int disputeId, CancellationToken ct);

    /// <summary>The anchor as committed, read without tracking; null when there is no such dispute.</summary>
    Task<(int Length, string? Head)?> ReadAsync(ForumDbContext db, int disputeId, CancellationToken ct);
}
