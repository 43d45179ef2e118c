using ConflictForum.Data;

namespace ConflictForum.Features.Timeline;

/// <summary>
/// Where the timeline finds its anchors. The Disputes feature keeps them on its rows; the timeline does not know disputes.
/// </summary>
public interface ITimelineAnchors
{
    /// <summary>The anchor of <paramref name="disputeId"/>, tracked by <paramref name="db"/>; null when there is no such dispute.</summary>
    ValueTask<ITimelineAnchor?> FindAsync(ForumDbContext db, int disputeId, CancellationToken ct);

    /// <summary>The anchor as committed, read without tracking; null when there is no such dispute.</summary>
    Task<(int Length, string? Head)?> ReadAsync(ForumDbContext db, int disputeId, CancellationToken ct);
}
