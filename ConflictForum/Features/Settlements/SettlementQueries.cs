using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Settlements;

/// <summary>Reads a dispute's offers and settlement for its page and the API.</summary>
public sealed class SettlementQueries(IDbContextFactory<ForumDbContext> dbFactory, ForumGuardian guardian, TimeProvider clock)
{
    /// <returns>Null when the dispute does not exist.</returns>
    public async Task<SettlementSlice?> GetAsync(int disputeId, ForumActor viewer, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dispute = await db.Disputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disputeId, ct);
        if (dispute is null) return null;
        var offers = await db.Offers.AsNoTracking().Where(o => o.DisputeId == disputeId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Join(db.Users, o => o.AuthorId, u => u.Id, (o, u) => new { Offer = o, u.DisplayName })
            .ToListAsync(ct);
        var settlement = await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.DisputeId == disputeId, ct);
        var views = offers.Select(x => new OfferView(x.Offer.Id, x.Offer.Role, x.DisplayName, x.Offer.Terms, x.Offer.CreatedAt,
            x.Offer.ExpiresAt, x.Offer.Status != OfferStatus.Live ? x.Offer.Status
                : !x.Offer.IsLive(now) ? OfferStatus.Expired
                : dispute.Status is DisputeStatus.Open or DisputeStatus.AwaitingResponse ? OfferStatus.Live
                : OfferStatus.Closed,
            x.Offer.AnsweredAt, x.Offer.DeclineReason, x.Offer.CountersId, x.Offer.ResolutionId)).ToList();
        var answerable = offers.Select(x => x.Offer).FirstOrDefault(o => guardian.CanAnswerOffer(viewer, dispute, o).Allowed);
        return new SettlementSlice(views, settlement, dispute.RoleOf(viewer.UserId), guardian.CanMakeOffer(viewer, dispute),
            answerable?.Id);
    }
}
