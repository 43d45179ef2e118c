using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// A dispute's timeline is anchored on its own row (<see cref="Dispute.TimelineLength"/>, <see cref="Dispute.TimelineHead"/>).
/// </summary>
internal sealed class DisputeTimelineAnchors : ITimelineAnchors
{
    public async ValueTask<ITimelineAnchor?> FindAsync(ForumDbContext db, int disputeId, CancellationToken ct) =>
        await db.Disputes.FindAsync([disputeId], ct);

    public async Task<(int Length, string? Head)?> ReadAsync(ForumDbContext db, int disputeId, CancellationToken ct) =>
        await db.Disputes.AsNoTracking().Where(d => d.Id == disputeId)
            .Select(d => new ValueTuple<int, string?>(d.TimelineLength, d.TimelineHead)).Cast<(int, string?)?>().SingleOrDefaultAsync(ct);
}
