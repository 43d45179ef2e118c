using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Settlements;

/// <summary>An offer nobody answered before its expiry expires, on the record at that instant.</summary>
internal sealed class OfferExpiry(TimelineWriter timeline) : IDisputeDeadlines
{
    public async Task<bool> ApplyDueAsync(ForumDbContext db, Dispute dispute, DateTime now, CancellationToken ct)
    {
        var due = await db.Offers.Where(o => o.DisputeId == dispute.Id && o.Status == OfferStatus.Live && o.ExpiresAt <= now)
            .OrderBy(o => o.ExpiresAt).ToListAsync(ct);
        foreach (var offer in due)
        {
            (offer.Status, offer.AnsweredAt) = (OfferStatus.Expired, offer.ExpiresAt);
            await timeline.AppendAsync(db, dispute.Id, offer.ExpiresAt, ForumActor.Anonymous, TimelineKind.OfferExpired,
                $"The {PartyRoles.Name(offer.Role)}'s offer expired without an answer.", reference: $"offer:{offer.Id}", ct: ct);
        }
        return due.Count > 0;
    }

    public IQueryable<int> DisputesDue(ForumDbContext db, DateTime now) =>
        db.Offers.Where(o => o.Status == OfferStatus.Live && o.ExpiresAt <= now).Select(o => o.DisputeId).Distinct();
}
