using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Mediations;

/// <summary>
/// A mediator's proposal nobody settled on before its expiry expires, on the record at that instant; and an open mediation
/// ends when its dispute closes or settles.
/// </summary>
internal sealed class MediationDeadlines(TimelineWriter timeline) : IDisputeDeadlines, IDisputeClosing
{
    public async Task<bool> ApplyDueAsync(ForumDbContext db, Dispute dispute, DateTime now, CancellationToken ct)
    {
        var due = await db.MediatorProposals.Where(p => p.DisputeId == dispute.Id && p.Status == OfferStatus.Live && p.ExpiresAt <= now)
            .OrderBy(p => p.ExpiresAt).ToListAsync(ct);
        foreach (var proposal in due)
        {
            (proposal.Status, proposal.AnsweredAt) = (OfferStatus.Expired, proposal.ExpiresAt);
            await timeline.AppendAsync(db, dispute.Id, proposal.ExpiresAt, ForumActor.Anonymous, TimelineKind.MediatorProposalExpired,
                "The mediator's proposal expired before both parties accepted it.",
                reference: MediationService.ProposalReference(proposal), ct: ct);
        }
        return due.Count > 0;
    }

    public IQueryable<int> DisputesDue(ForumDbContext db, DateTime now) =>
        db.MediatorProposals.Where(p => p.Status == OfferStatus.Live && p.ExpiresAt <= now).Select(p => p.DisputeId).Distinct();

    public async Task OnClosingAsync(ForumDbContext db, Dispute dispute, DateTime at, CancellationToken ct)
    {
        foreach (var open in await db.Mediations.Where(m => m.DisputeId == dispute.Id).Where(Mediation.Open).ToListAsync(ct))
            await MediationService.EndAsync(db, open, MediationStatus.Lapsed, at, ct);
    }
}
