using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Moderation;

/// <summary>
/// Flags, hiding, appeals, locks, suspensions and roles. Every moderator action is written, in its own transaction,
/// to the public moderation log and (when it concerns a dispute) to that dispute's timeline. Nothing is deleted.
/// </summary>
public sealed class ModerationService(
    IDbContextFactory<ForumDbContext> dbFactory,
    DisputeWriter writer,
    TimelineWriter timeline,
    WriteLimiter limiter,
    IDisputeEvents events,
    IOptions<ModerationOptions> options,
    IOptions<VotingOptions> voting,
    TimeProvider clock)
{
    public const int ReasonMinLength = 3;
    public const int ReasonMaxLength = 300;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome> FlagAsync(ForumActor actor, ContentKind kind, long itemId, FlagReason reason, string? note, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (reason == FlagReason.Other && note is null) return Outcome.Invalid("Say in a note what is wrong with it.");
        if (note?.Length > Flag.NoteMaxLength) return Outcome.Invalid($"Keep the note to {Flag.NoteMaxLength} characters.");
        if (Inputs.TextProblem(note, "note") is { } unsaveable) return Outcome.Invalid(unsaveable);
        return await OnItemAsync(actor, kind, itemId, async (db, me, dispute, item, state) =>
        {
            if (ForumGuardian.CanFlag(me, item.AuthorId, Now, voting.Value.MinimumAccountAge) is { Allowed: false } no) return no.AsOutcome();
            if (await db.Flags.AnyAsync(f => f.Kind == kind && f.ItemId == itemId && f.FlaggerId == me.UserId, ct))
                return Outcome.Refused("You already flagged this. Moderators will review it.");
            if (await limiter.CheckAndRecordAsync(db, me.UserId!, WriteAction.Flag, Now, ct) is { Allowed: false } slow) return slow.AsOutcome();
            db.Flags.Add(new Flag { Kind = kind, ItemId = itemId, DisputeId = dispute.Id, FlaggerId = me.UserId!, Reason = reason, Note = note, At = Now });
            state.OpenFlags++;
            state.WaitingSince ??= Now;
            // Only members in good standing hide an item: the open flags of suspended or too-new accounts still queue it for
            // review, but do not count. The new flag is not saved yet, and its flagger just passed the same rule.
            var counted = state.IsHidden ? 0 : 1 + await db.Flags
                .Where(f => f.Kind == kind && f.ItemId == itemId && f.ReviewedAt == null && f.FlaggerId != me.UserId)
                .Join(db.Users.Where(ForumGuardian.FlagCountsFrom(Now, voting.Value.MinimumAccountAge)), f => f.FlaggerId, u => u.Id, (f, _) => f.FlaggerId)
                .Distinct().CountAsync(ct);
            if (!state.IsHidden && counted >= options.Value.AutoHideThreshold)
            {
                (state.HiddenAt, state.HiddenById, state.HiddenReason) =
                    (Now, null, $"Hidden automatically after {counted} members flagged it, until a moderator reviews it.");
                await RecordAsync(db, ForumActor.Anonymous, ModerationAction.AutoHidden, item, state.HiddenReason, ct);
            }
            return Outcome.Ok;
        }, ct, flagging: true);
    }

    public Task<Outcome> HideAsync(ForumActor actor, ContentKind kind, long itemId, string reason, CancellationToken ct = default) =>
        ModerateAsync(actor, kind, itemId, reason, ModerationAction.Hidden, (me, dispute, item, state, opposed) =>
        {
            if (ForumGuardian.CanModerate(me, dispute, item.AuthorId, opposed) is { Allowed: false } no) return no;
            if (state.HiddenById is not null) return Decision.Denied("A moderator already hid this.");
            // Confirms an automatic hide, or hides outright; the reason is what everyone reads in its place.
            (state.HiddenAt, state.HiddenById, state.HiddenReason) = (Now, me.UserId, reason.Trim());
            return Decision.Granted;
        }, ct);

    public Task<Outcome> UnhideAsync(ForumActor actor, ContentKind kind, long itemId, string reason, CancellationToken ct = default) =>
        ModerateAsync(actor, kind, itemId, reason, ModerationAction.Unhidden, (me, dispute, item, state, opposed) =>
        {
            if (ForumGuardian.CanModerate(me, dispute, item.AuthorId, opposed) is { Allowed: false } no) return no;
            if (!state.IsHidden) return Decision.Denied("This is not hidden.");
            // Undoing a moderator's own decision under appeal is the appeal's to decide, by another moderator.
            if (state.AppealPending) return Decision.Denied("An appeal is waiting on this item: decide the appeal instead.");
            (state.HiddenAt, state.HiddenById, state.HiddenReason) = (null, null, null);
            return Decision.Granted;
        }, ct);

    public Task<Outcome> DismissFlagsAsync(ForumActor actor, ContentKind kind, long itemId, string reason, CancellationToken ct = default) =>
        ModerateAsync(actor, kind, itemId, reason, ModerationAction.FlagsDismissed, (me, dispute, item, state, opposed) =>
            ForumGuardian.CanModerate(me, dispute, item.AuthorId, opposed) is { Allowed: false } no ? no
            : state.OpenFlags == 0 ? Decision.Denied("There are no flags to dismiss.")
            : state.IsHidden ? Decision.Denied("This is hidden: restore it to keep it, or hide it for good.")
            : Decision.Granted, ct);

    public async Task<Outcome> AppealAsync(ForumActor actor, ContentKind kind, long itemId, string note, CancellationToken ct = default)
    {
        if (ReasonProblem(note, "your appeal", "appeal") is { } problem) return problem;
        return await OnItemAsync(actor, kind, itemId, async (db, me, _, item, state) =>
        {
            if (ForumGuardian.CanAppeal(me, state) is { Allowed: false } no) return no.AsOutcome();
            (state.AppealNote, state.AppealedAt) = (note.Trim(), Now);
            // The note is for moderators and the author: the public log and the hash-chained timeline, which can never be
            // hidden, say only that an appeal was made (and later how it was decided).
            await RecordAsync(db, me, ModerationAction.Appealed, item, "", ct);
            return Outcome.Ok;
        }, ct);
    }

    /// <param name="restore">True to show the item again (the appeal is granted); false to keep it hidden.</param>
    public Task<Outcome> DecideAppealAsync(ForumActor actor, ContentKind kind, long itemId, bool restore, string reason, CancellationToken ct = default) =>
        ModerateAsync(actor, kind, itemId, reason, restore ? ModerationAction.AppealGranted : ModerationAction.AppealRefused, (me, dispute, _, state, opposed) =>
        {
            if (ForumGuardian.CanDecideAppeal(me, dispute, state, opposed) is { Allowed: false } no) return no;
            state.AppealDecidedAt = Now;
            if (restore) (state.HiddenAt, state.HiddenById, state.HiddenReason) = (null, null, null);
            return Decision.Granted;
        }, ct);

    public async Task<Outcome> SetCommentsLockedAsync(ForumActor actor, int disputeId, bool locked, string reason, CancellationToken ct = default)
    {
        if (ReasonProblem(reason, "the reason") is { } problem) return problem;
        return await writer.WriteAsync(actor, disputeId, clock, async (db, me, dispute) =>
        {
            if (ForumGuardian.CanModerateDispute(me, dispute) is { Allowed: false } no) return no.AsOutcome();
            if (dispute.CommentsLocked == locked) return Outcome.Refused(locked ? "Comments are already locked." : "Comments are not locked.");
            dispute.CommentsLocked = locked;
            await RecordAsync(db, me, locked ? ModerationAction.CommentsLocked : ModerationAction.CommentsUnlocked, dispute.Id, null, reason.Trim(), ct);
            return Outcome.Ok;
        }, DisputeChanges.All, ct);
    }

    /// <param name="until">When the suspension ends (UTC); <see cref="ForumGuardian.Permanently"/> for good.</param>
    public async Task<Outcome> SuspendAsync(ForumActor actor, string userId, DateTime until, string reason, CancellationToken ct = default)
    {
        if (ReasonProblem(reason, "the reason") is { } problem) return problem;
        if (until <= Now) return Outcome.Invalid("A suspension ends in the future.");
        return await OnMemberAsync(actor, userId, ForumGuardian.CanSuspend, (db, me, member) =>
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
        return await OnMemberAsync(actor, userId, ForumGuardian.CanSuspend, (db, me, member) =>
        {
            if (member.SuspendedUntil is null || member.SuspendedUntil <= Now) return Task.FromResult(Outcome.Refused("This member is not suspended."));
            (member.SuspendedUntil, member.SuspensionReason) = (null, null);
            Log(db, me, ModerationAction.SuspensionLifted, member, reason.Trim());
            return Task.FromResult(Outcome.Ok);
        }, ct);
    }

    /// <summary>
    /// Removes a member's fault votes and stances on the disputes still open, moving the counters in the same transactions,
    /// so a recount still matches. One transaction per dispute (each under that dispute's lock), each on its timeline.
    /// </summary>
    /// <returns>How many votes and stances were removed.</returns>
    public async Task<Outcome<int>> RemoveVotesAsync(ForumActor actor, string userId, string reason, CancellationToken ct = default)
    {
        if (ReasonProblem(reason, "the reason") is { } problem) return problem.As<int>();
        List<int> disputeIds;
        string? name;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            disputeIds = await db.FaultVotes.Where(v => v.VoterId == userId).Select(v => v.DisputeId)
                .Union(db.Stances.Where(s => s.VoterId == userId).Join(db.Resolutions, s => s.ResolutionId, r => r.Id, (_, r) => r.DisputeId))
                .ToListAsync(ct);
        }
        if (name is null) return Outcome.NotFound("There is no such member.").As<int>();
        if (disputeIds.Count == 0) return Outcome.Refused($"{name} has no votes to remove.").As<int>();

        var removed = 0;
        foreach (var disputeId in disputeIds.Order())
        {
            var outcome = await writer.WriteAsync(actor, disputeId, clock, async (db, me, dispute) =>
            {
                if (ForumGuardian.CanRemoveVotes(me, dispute, await Opponents.AreAsync(db, me.UserId, userId, ct)) is { Allowed: false } no) return no.AsOutcome();
                if (dispute.Status != DisputeStatus.Open) return Outcome.Ok; // a closed verdict is history: it stays as it was counted
                var vote = await db.FaultVotes.SingleOrDefaultAsync(v => v.DisputeId == disputeId && v.VoterId == userId, ct);
                var stances = await db.Stances.Where(s => s.VoterId == userId)
                    .Join(db.Resolutions.Where(r => r.DisputeId == disputeId), s => s.ResolutionId, r => r.Id, (s, _) => s).ToListAsync(ct);
                if (vote is not null)
                {
                    db.FaultVotes.Remove(vote);
                    await DeliberationService.MoveAsync(db, disputeId, vote.Option, -1, ct);
                }
                foreach (var stance in stances)
                {
                    db.Stances.Remove(stance);
                    await DeliberationService.MoveStanceAsync(db, stance.ResolutionId, stance.Supports, -1, ct);
                }
                var count = (vote is null ? 0 : 1) + stances.Count;
                if (count == 0) return Outcome.Ok;
                removed += count;
                await RecordAsync(db, me, ModerationAction.VotesRemoved, disputeId, new TargetMember(userId, name), $"{count} removed: {reason.Trim()}", ct);
                return Outcome.Ok;
            }, DisputeChanges.Tally | DisputeChanges.Resolutions | DisputeChanges.Timeline, ct);
            if (!outcome.Succeeded) return outcome.As<int>();
        }
        return removed;
    }

    public async Task<Outcome> SetRoleAsync(ForumActor actor, string userId, string role, bool grant, CancellationToken ct = default)
    {
        if (role is not (ForumRoles.Moderator or ForumRoles.Admin)) return Outcome.Invalid("There is no such role.");
        return await OnMemberAsync(actor, userId, (me, _, _) => ForumGuardian.CanManageRoles(me), async (db, me, member) =>
        {
            if (!grant && role == ForumRoles.Admin && me.Is(userId)) return Outcome.Refused("Admins do not revoke their own admin role: ask another admin.");
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);
            var held = await db.UserRoles.SingleOrDefaultAsync(r => r.UserId == userId && r.RoleId == roleId, ct);
            if (grant == held is not null) return Outcome.Refused(grant ? $"{member.DisplayName} already has the {role} role." : $"{member.DisplayName} does not have the {role} role.");
            if (grant) db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
            else db.UserRoles.Remove(held!);
            Log(db, me, grant ? ModerationAction.RoleGranted : ModerationAction.RoleRevoked, member, role);
            return Outcome.Ok;
        }, ct);
    }

    private Task<Outcome> ModerateAsync(ForumActor actor, ContentKind kind, long itemId, string reason, ModerationAction action,
        Func<ForumActor, Dispute, ContentItem, ModeratedItem, bool, Decision> decide, CancellationToken ct)
    {
        if (ReasonProblem(reason, "the reason") is { } problem) return Task.FromResult(problem);
        return OnItemAsync(actor, kind, itemId, async (db, me, dispute, item, state) =>
        {
            if (decide(me, dispute, item, state, await Opponents.AreAsync(db, me.UserId, item.AuthorId, ct)) is { Allowed: false } no) return no.AsOutcome();
            if (state.OpenFlags > 0)
            {
                // The flags are answered: they leave the queue and no longer count towards an automatic hide.
                await db.Flags.Where(f => f.Kind == item.Kind && f.ItemId == item.ItemId && f.ReviewedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.ReviewedAt, Now), ct);
                (state.OpenFlags, state.WaitingSince) = (0, null);
            }
            await RecordAsync(db, me, action, item, reason.Trim(), ct);
            return Outcome.Ok;
        }, ct);
    }

    /// <summary>A write on one item under its dispute's lock, with the item's moderation row (created on first use).</summary>
    private async Task<Outcome> OnItemAsync(ForumActor actor, ContentKind kind, long itemId,
        Func<ForumDbContext, ForumActor, Dispute, ContentItem, ModeratedItem, Task<Outcome>> change, CancellationToken ct, bool flagging = false)
    {
        ContentItem? found;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            found = await ContentItems.FindAsync(db, kind, itemId, includeDeleted: !flagging, ct);
        }
        if (found is not { } item) return Outcome.NotFound($"This {ContentItems.Name(kind)} does not exist.");
        return await writer.WriteAsync(actor, item.DisputeId, clock, async (db, me, dispute) =>
        {
            var state = await db.ModeratedItems.SingleOrDefaultAsync(m => m.Kind == kind && m.ItemId == itemId, ct);
            if (state is null)
            {
                state = new ModeratedItem { Kind = kind, ItemId = itemId, DisputeId = item.DisputeId, AuthorId = item.AuthorId };
                db.ModeratedItems.Add(state);
            }
            var outcome = await change(db, me, dispute, item, state);
            // A refusal leaves nothing behind, not even the new (empty) moderation row.
            if (!outcome.Succeeded && db.Entry(state).State == EntityState.Added) db.Entry(state).State = EntityState.Detached;
            return outcome;
        }, DisputeChanges.All, ct);
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
        if (permission(me, await ForumActors.ReadAsync(db, userId, Now, ct), await Opponents.AreAsync(db, me.UserId, userId, ct)) is { Allowed: false } no)
            return no.AsOutcome();
        var outcome = await change(db, me, member);
        if (!outcome.Succeeded) return outcome;
        member.RenewStamps(); // a racing account write fails instead of undoing this; the member's sign-ins end
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        events.Publish(new StandingChanged(userId)); // their open pages re-read what they may do
        return outcome;
    }

    private sealed record TargetMember(string UserId, string Name);

    private async Task RecordAsync(ForumDbContext db, ForumActor moderator, ModerationAction action, ContentItem item, string reason, CancellationToken ct)
    {
        var author = await db.Users.Where(u => u.Id == item.AuthorId).Select(u => u.DisplayName).SingleAsync(ct);
        await RecordAsync(db, moderator, action, item.DisputeId, new TargetMember(item.AuthorId, author), reason, ct, item);
    }

    /// <summary>The log line, and the same on the dispute's timeline.</summary>
    private async Task RecordAsync(ForumDbContext db, ForumActor moderator, ModerationAction action, int disputeId, TargetMember? target, string reason,
        CancellationToken ct, ContentItem? item = null)
    {
        var entry = Log(db, moderator, action, item, target, reason);
        entry.DisputeId = disputeId;
        await timeline.AppendAsync(db, disputeId, Now, moderator, TimelineKind.Moderation, ModerationText.Summary(entry),
            reference: item is null ? null : $"{item.Kind.ToString().ToLowerInvariant()}:{item.ItemId}", ct: ct);
    }

    private void Log(ForumDbContext db, ForumActor moderator, ModerationAction action, ForumUser member, string reason) =>
        Log(db, moderator, action, null, new TargetMember(member.Id, member.DisplayName), reason);

    private ModerationLogEntry Log(ForumDbContext db, ForumActor moderator, ModerationAction action, ContentItem? item, TargetMember? target, string reason)
    {
        var entry = new ModerationLogEntry
        {
            At = Now, ModeratorId = moderator.UserId, ModeratorName = moderator.IsSignedIn ? moderator.DisplayName : "ConflictForum",
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
