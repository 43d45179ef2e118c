using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// A member's disputes and what each needs from them now. Read set-wise: the member's disputes, then each kind of pending item
/// across all of them in one query (statements, live offers, open mediations, live proposals, settlements, reports), so the
/// cost does not grow with the number of disputes; whether the member may act on an item is the guardian's answer, the same the
/// dispute's page gets.
/// </summary>
public sealed class MyDisputesQueries(IDbContextFactory<ForumDbContext> dbFactory, DisputeQueries disputes, ForumGuardian guardian,
    TimeProvider clock)
{
    public async Task<MyDisputes> GetAsync(ForumActor member, CancellationToken ct = default)
    {
        if (!member.IsSignedIn) return MyDisputes.None;
        var rows = await disputes.InvolvingAsync(member, ct);
        if (rows.Count == 0) return MyDisputes.None;
        var now = clock.GetUtcNow().UtcDateTime;
        var byId = rows.ToDictionary(r => r.Dispute.Id);
        var running = rows.Any(r => r.Outcome == DisputeOutcome.Running);
        var settled = rows.Any(r => r.FollowUp is not null);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = disputes.Involving(db, member).Select(d => d.Id);
        var actions = new List<MyDisputeAction>();
        if (running)
        {
            AnswersForOrganisations(member, byId, actions);
            await StatementsAsync(db, mine, member, byId, actions, ct);
            await OffersAsync(db, mine, member, byId, now, actions, ct);
            await MediationsAsync(db, mine, member, byId, now, actions, ct);
        }
        if (settled) await SettlementsAsync(db, mine, member, byId, now, actions, ct);

        var acting = actions.Select(a => a.Row.Dispute.Id).ToHashSet();
        var rest = rows.Where(r => !acting.Contains(r.Dispute.Id)).ToList();
        return new MyDisputes(
            [.. actions.OrderBy(a => a.Deadline ?? DateTime.MaxValue).ThenByDescending(a => a.Row.Dispute.LastActivityAt)],
            [.. rest.Where(r => r.Outcome == DisputeOutcome.Running)],
            [.. rest.Where(r => r.Outcome != DisputeOutcome.Running)]);
    }

    /// <summary>A dispute against a verified organisation the member acts for that nobody has answered for it yet.</summary>
    private void AnswersForOrganisations(ForumActor member, Dictionary<int, DisputeRow> byId, List<MyDisputeAction> actions)
    {
        foreach (var row in byId.Values.Where(r => r.Organisation is not null))
        {
            if (!guardian.CanJoinForOrganisation(member, row.Dispute, row.Organisation!.IsVerified).Allowed) continue;
            actions.Add(new(MyActionKind.AnswerForOrganisation, row, $"Answer for {row.Organisation.Name}", row.Dispute.ResponseDeadline,
                "Response window ends", DisputeAddresses.DisputeUrl(row.Dispute.Id)));
        }
    }

    /// <summary>The respondent who joined and has not posted, while the public waits for them.</summary>
    private async Task StatementsAsync(ForumDbContext db, IQueryable<int> mine, ForumActor member, Dictionary<int, DisputeRow> byId,
        List<MyDisputeAction> actions, CancellationToken ct)
    {
        var waiting = byId.Values.Where(r => r.Dispute.AwaitsRespondentStatement && r.Dispute.RoleOf(member) == PartyRole.Respondent)
            .ToList();
        if (waiting.Count == 0) return;
        var posted = (await db.Statements.Where(s => mine.Contains(s.DisputeId) && s.Role == PartyRole.Respondent)
            .Select(s => s.DisputeId).ToListAsync(ct)).ToHashSet();
        foreach (var row in waiting.Where(r => !posted.Contains(r.Dispute.Id)))
        {
            // Nothing posted yet, so nothing a moderator could have hidden.
            if (!guardian.CanWriteStatement(member, row.Dispute, PartyRole.Respondent, moderation: null).Allowed) continue;
            actions.Add(new(MyActionKind.PostStatement, row, "Post your statement", row.Dispute.ResponseDeadline,
                "Response window ends", DisputeAddresses.PartUrl(row.Dispute.Id, DisputeAddresses.StatementsPart)));
        }
    }

    private async Task OffersAsync(ForumDbContext db, IQueryable<int> mine, ForumActor member, Dictionary<int, DisputeRow> byId,
        DateTime now, List<MyDisputeAction> actions, CancellationToken ct)
    {
        var live = await db.Offers.AsNoTracking()
            .Where(o => mine.Contains(o.DisputeId) && o.Status == OfferStatus.Live && o.ExpiresAt > now)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).ToListAsync(ct);
        foreach (var offer in live.DistinctBy(o => (o.DisputeId, o.Role)))
        {
            var row = byId[offer.DisputeId];
            if (!guardian.CanAnswerOffer(member, row.Dispute, offer).Allowed) continue;
            actions.Add(new(MyActionKind.AnswerOffer, row, $"Answer the {PartyRoles.Name(offer.Role)}'s offer", offer.ExpiresAt,
                "Offer expires", DisputeAddresses.PartUrl(row.Dispute.Id, DisputeAddresses.OffersPart)));
        }
    }

    /// <summary>The other party's request for a mediator, the mediator's live proposals, and the mediations the member leads.</summary>
    private async Task MediationsAsync(ForumDbContext db, IQueryable<int> mine, ForumActor member, Dictionary<int, DisputeRow> byId,
        DateTime now, List<MyDisputeAction> actions, CancellationToken ct)
    {
        var open = await db.Mediations.AsNoTracking().Where(m => mine.Contains(m.DisputeId)).Where(Mediations.Mediation.Open)
            .ToListAsync(ct);
        if (open.Count == 0) return;
        foreach (var mediation in open)
        {
            var row = byId[mediation.DisputeId];
            var link = DisputeAddresses.PartUrl(row.Dispute.Id, DisputeAddresses.MediationPart);
            if (guardian.CanAnswerMediationRequest(member, row.Dispute, mediation).Allowed)
            {
                actions.Add(new(MyActionKind.AnswerMediationRequest, row,
                    $"Agree to or decline the {PartyRoles.Name(mediation.RequestedBy)}'s request for a mediator",
                    row.Dispute.VotingClosesAt, "Voting closes", link));
            }
            else if (guardian.CanMediate(member, row.Dispute, mediation).Allowed)
            {
                actions.Add(new(MyActionKind.Mediate, row, "Your mediation is under way", row.Dispute.VotingClosesAt, "Voting closes",
                    link));
            }
        }

        var openIds = open.Select(m => m.Id).ToHashSet();
        var proposals = await db.MediatorProposals.AsNoTracking()
            .Where(p => mine.Contains(p.DisputeId) && p.Status == OfferStatus.Live && p.ExpiresAt > now)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToListAsync(ct);
        foreach (var proposal in proposals.Where(p => openIds.Contains(p.MediationId)).DistinctBy(p => p.DisputeId))
        {
            var row = byId[proposal.DisputeId];
            if (!guardian.CanAnswerProposal(member, row.Dispute, proposal).Allowed) continue;
            actions.Add(new(MyActionKind.AnswerProposal, row, "Answer the mediator's proposal", proposal.ExpiresAt, "Proposal expires",
                DisputeAddresses.PartUrl(row.Dispute.Id, DisputeAddresses.MediationPart)));
        }
    }

    /// <summary>The report on a settlement that is due, within its window, and the answer to the other party's report.</summary>
    private async Task SettlementsAsync(ForumDbContext db, IQueryable<int> mine, ForumActor member, Dictionary<int, DisputeRow> byId,
        DateTime now, List<MyDisputeAction> actions, CancellationToken ct)
    {
        var settlements = await db.Settlements.AsNoTracking().Where(s => mine.Contains(s.DisputeId)).ToListAsync(ct);
        var reports = (await db.SettlementReports.AsNoTracking().Where(r => mine.Contains(r.DisputeId)).OrderBy(r => r.CreatedAt)
            .ToListAsync(ct)).ToLookup(r => r.DisputeId);
        foreach (var settlement in settlements)
        {
            var row = byId[settlement.DisputeId];
            var link = DisputeAddresses.PartUrl(row.Dispute.Id, DisputeAddresses.SettlementPart);
            if (row.FollowUp is { } followUp && row.Dispute.RoleOf(member) is not null
                && guardian.CanReport(member, row.Dispute, settlement, reports[settlement.DisputeId]).Allowed
                && now < followUp.WindowEndsAt)
            {
                actions.Add(new(MyActionKind.ReportOnSettlement, row, "Report whether the settlement was honoured", followUp.WindowEndsAt,
                    "Report window ends", link));
            }
            foreach (var report in reports[settlement.DisputeId].Where(r => guardian.CanAnswerReport(member, row.Dispute, r).Allowed))
            {
                actions.Add(new(MyActionKind.AnswerReport, row, $"Answer the {PartyRoles.Name(report.Role)}'s report on the settlement",
                    null, "", link));
            }
        }
    }
}
