using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Mediations;

/// <summary>Reads a dispute's mediations for its page, and the mediators' queue.</summary>
public sealed class MediationQueries(IDbContextFactory<ForumDbContext> dbFactory, ForumGuardian guardian, TimeProvider clock)
{
    /// <returns>Null when the dispute does not exist.</returns>
    public async Task<MediationSlice?> GetAsync(int disputeId, ForumActor viewer, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dispute = await db.Disputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disputeId, ct);
        if (dispute is null) return null;
        var mediations = await db.Mediations.AsNoTracking().Where(m => m.DisputeId == disputeId)
            .OrderByDescending(m => m.RequestedAt).ThenByDescending(m => m.Id).ToListAsync(ct);
        var open = mediations.FirstOrDefault(m => m.IsOpen);
        var canRequest = guardian.CanRequestMediation(viewer, dispute, open);
        if (mediations.Count == 0)
            return new MediationSlice([], dispute.RoleOf(viewer), canRequest, Decision.Denied(MediationRefusals.NotRequested),
                null, false, false, null);

        var running = dispute.Status is DisputeStatus.Open or DisputeStatus.AwaitingResponse;
        var proposals = await db.MediatorProposals.AsNoTracking().Where(p => p.DisputeId == disputeId)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToListAsync(ct);
        var notes = await db.TimelineEntries.AsNoTracking()
            .Where(e => e.DisputeId == disputeId && e.Kind == TimelineKind.MediatorNote).OrderBy(e => e.Sequence).ToListAsync(ct);
        var hidden = await HiddenItems.LoadAsync(guardian, db, disputeId, viewer, ContentKind.MediatorNote, ct: ct);
        var mediatorIds = mediations.Select(m => m.MediatorId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => mediatorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var views = mediations.Select(m => new MediationView(m.Id, m.RequestedBy, m.RequestedAt,
            m.IsOpen && !running ? MediationStatus.Lapsed : m.Status, m.MediatorId,
            m.MediatorId is { } id ? names.GetValueOrDefault(id) : null, m.TakenAt, m.EndedAt, m.SummaryHtml,
            [.. notes.Where(e => e.Reference == $"mediation:{m.Id}")
                .Select(e => hidden.For(ContentKind.MediatorNote, e.Id) is not { } notice
                ? new MediatorNoteView(e.Id, e.ActorId ?? "", e.ActorName, e.BodyHtml ?? "", e.At, null)
                : new MediatorNoteView(e.Id, e.ActorId ?? "", e.ActorName, notice.ShowContent ? e.BodyHtml ?? "" : "", e.At, notice))],
            [.. proposals.Where(p => p.MediationId == m.Id).Select(p => new ProposalView(p.Id, p.Terms, p.CreatedAt, p.ExpiresAt,
                p.Status != OfferStatus.Live ? p.Status
                    : !p.IsLive(now) ? OfferStatus.Expired
                    : m.IsOpen && running ? OfferStatus.Live
                    : OfferStatus.Closed,
                p.ClaimantAcceptedAt, p.RespondentAcceptedAt, p.DeclinedBy, p.DeclineReason))])).ToList();

        Decision? canTake = open is { Status: MediationStatus.Queued } && viewer.IsMediator && viewer.UserId is { } me
            ? guardian.CanTakeMediation(viewer, dispute, open, await MediationService.TookPartAsync(db, disputeId, me, ct))
            : null;
        var answerable = open is null ? null
            : proposals.FirstOrDefault(p => p.MediationId == open.Id && guardian.CanAnswerProposal(viewer, dispute, p).Allowed);
        return new MediationSlice(views, dispute.RoleOf(viewer), canRequest,
            open is null ? Decision.Denied(MediationRefusals.NotRequested) : guardian.CanAnswerMediationRequest(viewer, dispute, open),
            canTake, open is not null && guardian.CanMediate(viewer, dispute, open).Allowed,
            open is not null && guardian.CanEndMediation(viewer, dispute, open).Allowed, answerable?.Id);
    }

    /// <summary>
    /// For a mediator: the mediations they lead that are under way, then those waiting for a mediator, longest waiting first.
    /// Empty for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<MediationQueueItem>> QueueAsync(ForumActor viewer, CancellationToken ct = default)
    {
        if (!viewer.IsMediator || viewer.UserId is not { } me) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Mediations.AsNoTracking()
            .Where(m => m.Status == MediationStatus.Queued || (m.Status == MediationStatus.Active && m.MediatorId == me))
            .Join(db.Disputes.Where(d => d.Status == DisputeStatus.Open || d.Status == DisputeStatus.AwaitingResponse),
                // A mediator is no moderator: a dispute hidden since it was queued is listed, by its place, not its title.
                m => m.DisputeId, d => d.Id, (m, d) => new
                {
                    m,
                    Title = db.ModeratedItems.Any(i => i.Kind == ContentKind.Dispute && i.ItemId == d.Id && i.HiddenAt != null)
                        ? DisputeQueries.HiddenTitle
                        : d.Title,
                })
            .OrderBy(x => x.m.Status == MediationStatus.Active ? 0 : 1).ThenBy(x => x.m.AnsweredAt).ThenBy(x => x.m.Id)
            .Take(100)
            .Select(x => new MediationQueueItem(x.m.Id, x.m.DisputeId, x.Title, x.m.Status, x.m.RequestedAt, x.m.AnsweredAt))
            .ToListAsync(ct);
    }
}
