using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>A member's public profile: their disputes, their standing, and what the reader may do about them.</summary>
public sealed partial class DisputeQueries
{
    /// <param name="viewer">Who looks at the profile: what they may do to the member comes with it.</param>
    public async Task<MemberProfile?> MemberAsync(string userId, ForumActor viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.CreatedAt, u.SuspendedUntil, u.SuspensionReason }).SingleOrDefaultAsync(ct);
        if (member is null) return null;
        var rows = await WithNames(db, db.Disputes.AsNoTracking().Where(d => d.ClaimantId == userId || d.RespondentId == userId)
            .OrderByDescending(d => d.CreatedAt)).ToListAsync(ct);
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        var suspendedUntil = member.SuspendedUntil > Now ? member.SuspendedUntil : null;
        var (isModerator, isAdmin) = (roles.Contains(Accounts.ForumRoles.Moderator), roles.Contains(Accounts.ForumRoles.Admin));
        var asActor = new ForumActor(member.Id, member.DisplayName, isModerator, isAdmin, member.CreatedAt, suspendedUntil);
        var disputes = (await WithFollowUpsAsync(db, [.. rows.Select(r => AsOfNow(r))], ct))
            // The side they took, as the record has it: an agent the organisation removed since still answered this one.
            .Select(r => (r, r.Dispute.ClaimantId == userId ? PartyRole.Claimant : PartyRole.Respondent)).ToList();
        var inDisputeWithViewer = disputes.Any(d => d.r.Dispute.RoleOf(viewer) is not null);
        return new MemberProfile(member.Id, member.DisplayName, member.CreatedAt, disputes,
            suspendedUntil, member.SuspendedUntil > Now ? member.SuspensionReason : null, isModerator, isAdmin)
        {
            CanSuspend = guardian.CanSuspend(viewer, asActor, inDisputeWithViewer),
        };
    }

    /// <summary>The disputes of <see cref="InvolvingAsync"/>, as a query.</summary>
    public IQueryable<Dispute> Involving(ForumDbContext db, ForumActor member)
    {
        var (me, organisations) = (member.UserId, member.Organisations);
        // A mediator's disputes are found through the mediations they took, then held to the dispute's own mediator (which has
        // no index): each alternative reads an index, so the read never goes through every dispute.
        var mediated = mediators.TakenBy(db, me);
        return db.Disputes.AsNoTracking().Where(d => d.ClaimantId == me || d.RespondentId == me
            || (mediated.Contains(d.Id) && d.MediatorId == me)
            || (d.RespondentOrganisationId != null && organisations.Contains(d.RespondentOrganisationId.Value)));
    }
}
