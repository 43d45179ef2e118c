using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// The crisis-process report of an organisation, computed from its disputes' timelines (three reads, however many disputes):
/// for its owners and agents only.
/// </summary>
public sealed class CrisisReportQueries(IDbContextFactory<ForumDbContext> dbFactory, ForumGuardian guardian, TimeProvider clock)
{
    /// <summary>The entries that mark the organisation's steps; the rest of a timeline plays no part.</summary>
    private static readonly TimelineKind[] StepKinds =
    [
        TimelineKind.DisputeOpened, TimelineKind.RespondentJoined, TimelineKind.StatementPosted, TimelineKind.OfferMade,
        TimelineKind.Settled, TimelineKind.SettlementReported,
    ];

    /// <returns>The report; not found for no such organisation; refused for anyone but its owners and agents.</returns>
    public async Task<Outcome<CrisisReport>> GetAsync(string slug, ForumActor reader, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug, ct) is not { } organisation)
            return Outcome.NotFound(OrganisationRefusals.NotFound).As<CrisisReport>();
        if (guardian.CanReadCrisisReport(reader, organisation.Id) is { Allowed: false } no) return no.AsOutcome().As<CrisisReport>();

        var disputes = await db.Disputes.AsNoTracking().Where(d => d.RespondentOrganisationId == organisation.Id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(CrisisReport.MaxDisputes + 1)
            // Its members are not the author of a dispute a moderator hid: they read its title no more than anyone else.
            .Select(d => new CrisisSteps.Facts(d.Id,
                db.ModeratedItems.Any(m => m.Kind == ContentKind.Dispute && m.ItemId == d.Id && m.HiddenAt != null)
                    ? DisputeQueries.HiddenTitle
                    : d.Title,
                d.Status, d.RespondentId, d.CreatedAt))
            .ToListAsync(ct);
        var capped = disputes.Count > CrisisReport.MaxDisputes;
        if (capped) disputes.RemoveAt(disputes.Count - 1);
        var ids = disputes.Select(d => d.Id).ToList();
        var members = (await db.OrganisationMembers.Where(m => m.OrganisationId == organisation.Id).Select(m => m.UserId)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var entries = ids.Count == 0 ? [] : await db.TimelineEntries.AsNoTracking()
            .Where(e => ids.Contains(e.DisputeId) && StepKinds.Contains(e.Kind))
            .Select(e => new CrisisSteps.Entry(e.DisputeId, e.Sequence, e.At, e.ActorId, e.Kind))
            .ToListAsync(ct);

        return CrisisSteps.Report(organisation, disputes, entries, members, capped, clock.GetUtcNow().UtcDateTime);
    }
}
