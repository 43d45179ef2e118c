using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Settlements;

/// <summary>Reads a dispute's offers and settlement for its page and the API.</summary>
public sealed class SettlementQueries(IDbContextFactory<ForumDbContext> dbFactory, ForumGuardian guardian, TimeProvider clock,
    IOptions<SettlementOptions> options)
{
    /// <returns>Null when the dispute does not exist.</returns>
    public async Task<SettlementSlice?> GetAsync(int disputeId, ForumActor viewer, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dispute = await db.Disputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disputeId, ct);
        if (dispute is null) return null;
        var organisationHiddenBy = await HiddenOrganisationRedaction.HiddenByAsync(db, dispute.RespondentOrganisationId, ct);
        HiddenOrganisationRedaction.BlankFor(dispute, organisationHiddenBy, guardian, viewer);
        var offers = await db.Offers.AsNoTracking().Where(o => o.DisputeId == disputeId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Join(db.Users, o => o.AuthorId, u => u.Id, (o, u) => new { Offer = o, u.DisplayName })
            .ToListAsync(ct);
        var settlement = await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.DisputeId == disputeId, ct);
        var views = offers.Select(x => new OfferView(x.Offer.Id, x.Offer.Role, dispute.SignedName(x.DisplayName, x.Offer.Role),
            x.Offer.Terms, x.Offer.CreatedAt,
            x.Offer.ExpiresAt, x.Offer.Status != OfferStatus.Live ? x.Offer.Status
                : !x.Offer.IsLive(now) ? OfferStatus.Expired
                : dispute.Status is DisputeStatus.Open or DisputeStatus.AwaitingResponse ? OfferStatus.Live
                : OfferStatus.Closed,
            x.Offer.AnsweredAt, x.Offer.DeclineReason, x.Offer.CountersId, x.Offer.ResolutionId)).ToList();
        var answerable = offers.Select(x => x.Offer).FirstOrDefault(o => guardian.CanAnswerOffer(viewer, dispute, o).Allowed);
        var reports = settlement is null ? [] : await db.SettlementReports.AsNoTracking().Where(r => r.DisputeId == disputeId)
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var answerableReport = reports.FirstOrDefault(r => guardian.CanAnswerReport(viewer, dispute, r).Allowed);
        return new SettlementSlice(views, settlement, dispute.RoleOf(viewer), guardian.CanMakeOffer(viewer, dispute),
            answerable?.Id, settlement is null ? null : await FollowUpAsync(db, dispute, settlement, reports, now, ct),
            guardian.CanReport(viewer, dispute, settlement, reports).Allowed, answerableReport?.Id);
    }

    private async Task<SettlementFollowUp> FollowUpAsync(ForumDbContext db, Dispute dispute, Settlement settlement,
        List<SettlementReport> reports,
        DateTime now, CancellationToken ct)
    {
        var authors = reports.Select(r => r.AuthorId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var due = SettlementFollowUp.DueOf(settlement);
        return new SettlementFollowUp(due, due + options.Value.ReportWindow,
            [.. reports.Select(r => new ReportView(r.Id, r.Role, dispute.SignedName(names.GetValueOrDefault(r.AuthorId, ""), r.Role),
                r.Verdict, r.Source, r.Html,
                r.CreatedAt, r.AnswerSource, r.AnswerHtml, r.AnsweredAt))],
            now);
    }
}
