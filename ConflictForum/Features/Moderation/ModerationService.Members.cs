using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Moderation;

/// <summary>What moderators and admins do to members: suspensions and roles, each in the member's own transaction.</summary>
public sealed partial class ModerationService
{
    /// <param name="until">When the suspension ends (UTC); <see cref="ForumGuardian.Permanently"/> for good.</param>
    public async Task<Outcome> SuspendAsync(ForumActor actor, string userId, DateTime until, string reason, CancellationToken ct = default)
    {
        if (ReasonProblem(reason, "the reason") is { } problem) return problem;
        if (until <= Now) return Outcome.Invalid("A suspension ends in the future.");
        return await OnMemberAsync(actor, userId, guardian.CanSuspend, (db, me, member) =>
        {
            (member.SuspendedUntil, member.SuspensionReason) = (until, reason.Trim());
            var span = until >= ForumGuardian.Permanently ? "permanently" : $"until {until:d MMM yyyy, HH:mm} UTC";
            Log(db, me, ModerationAction.Suspended, member, $"Suspended {span}: {reason.Trim()}");
            return Task.FromResult(Outcome.Ok);
        }, ct);
    }

    public async Task<Outcome> LiftSuspensionAsync(ForumActor actor, string userId, string reason, CancellationToken ct = default)
    {
        if (ReasonProblem(reason, "the reason") is { } problem) return problem;
        return await OnMemberAsync(actor, userId, guardian.CanSuspend, (db, me, member) =>
        {
            if (member.SuspendedUntil is null || member.SuspendedUntil <= Now)
                return Task.FromResult(Outcome.Refused("This member is not suspended."));
            (member.SuspendedUntil, member.SuspensionReason) = (null, null);
            Log(db, me, ModerationAction.SuspensionLifted, member, reason.Trim());
            return Task.FromResult(Outcome.Ok);
        }, ct);
    }

    public async Task<Outcome> SetRoleAsync(ForumActor actor, string userId, string role, bool grant, CancellationToken ct = default)
    {
        if (role is not (ForumRoles.Moderator or ForumRoles.Admin or ForumRoles.Mediator)) return Outcome.Invalid("There is no such role.");
        return await OnMemberAsync(actor, userId, (me, _, _) => guardian.CanManageRoles(me), async (db, me, member) =>
        {
            if (!grant && role == ForumRoles.Admin && me.Is(userId)) return Outcome.Refused(ModerationRefusals.OwnAdminRole);
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);
            var held = await db.UserRoles.SingleOrDefaultAsync(r => r.UserId == userId && r.RoleId == roleId, ct);
            if (grant == held is not null)
            {
                return Outcome.Refused(grant
                    ? $"{member.DisplayName} already has the {role} role."
                    : $"{member.DisplayName} does not have the {role} role.");
            }
            if (grant) db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
            else db.UserRoles.Remove(held!);
            Log(db, me, grant ? ModerationAction.RoleGranted : ModerationAction.RoleRevoked, member, role);
            return Outcome.Ok;
        }, ct);
    }

    /// <param name="permission">Asked with the actor, the member, and whether the two are parties to a dispute together.</param>
    private async Task<Outcome> OnMemberAsync(ForumActor actor, string userId, Func<ForumActor, ForumActor, bool, Decision> permission,
        Func<ForumDbContext, ForumActor, ForumUser, Task<Outcome>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OnMemberOnceAsync(actor, userId, permission, change, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // An account write (where the database does not hold the row for us, as SQL Server's READ COMMITTED does not)
                // changed the member after we read them: decide again on what it left.
            }
        }
    }

    private async Task<Outcome> OnMemberOnceAsync(ForumActor actor, string userId, Func<ForumActor, ForumActor, bool, Decision> permission,
        Func<ForumDbContext, ForumActor, ForumUser, Task<Outcome>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var me = await ForumActors.ReadAsync(db, actor, Now, ct);
        var member = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (member is null) return Outcome.NotFound("There is no such member.");
        if (permission(me, await ForumActors.ReadAsync(db, userId, Now, ct), await Opponents.AreAsync(db, me.UserId, userId, ct))
            is { Allowed: false } no)
            return no.AsOutcome();
        var outcome = await change(db, me, member);
        if (!outcome.Succeeded) return outcome;
        member.RenewStamps(); // a racing account write fails instead of undoing this; the member's sign-ins end
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        events.Publish(new StandingChanged(userId)); // their open pages re-read what they may do
        return outcome;
    }

    private void Log(ForumDbContext db, ForumActor moderator, ModerationAction action, ForumUser member, string reason) =>
        Log(db, moderator, action, null, new TargetMember(member.Id, member.DisplayName), reason, Now);

    private static ModerationLogEntry Log(ForumDbContext db, ForumActor moderator, ModerationAction action, ContentItem? item,
        TargetMember? target, string reason,
        DateTime at)
    {
        var entry = new ModerationLogEntry
        {
            At = at, ModeratorId = moderator.UserId, ModeratorName = moderator.IsSignedIn ? moderator.DisplayName : "ConflictForum",
            Action = action, Kind = item?.Kind, ItemId = item?.ItemId, DisputeId = item?.DisputeId,
            TargetUserId = target?.UserId, TargetName = target?.Name, Reason = reason,
        };
        db.ModerationLog.Add(entry);
        return entry;
    }

    private static Outcome? ReasonProblem(string? text, string what, string noun = "reason") =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length < ReasonMinLength ? Outcome.Invalid($"Write {what}: everyone will read it.")
        : text.Trim().Length > ReasonMaxLength ? Outcome.Invalid($"Keep {what} to {ReasonMaxLength} characters.")
        : Inputs.TextProblem(text, noun) is { } problem ? Outcome.Invalid(problem)
        : null;
}
