using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Moderation;

/// <summary>
/// Flags, hiding, appeals, locks, suspensions and roles. Every moderator action is written, in its own transaction,
/// to the public moderation log and (when it concerns a dispute) to that dispute's timeline. Nothing is deleted.
/// </summary>
public sealed partial class ModerationService(
    IDbContextFactory<ForumDbContext> dbFactory,
    DisputeWriter writer,
    ForumGuardian guardian,
    TimelineWriter timeline,
    WriteLimiter limiter,
    IDisputeEvents events,
    IOptions<ModerationOptions> options,
    TimeProvider clock)
{
    public const int ReasonMinLength = 3;
    public const int ReasonMaxLength = 300;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome> FlagAsync(ForumActor actor, ContentKind kind, long itemId, FlagReason reason, string? note,
        CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (reason == FlagReason.Other && note is null) return Outcome.Invalid("Say in a note what is wrong with it.");
        if (note?.Length > Flag.NoteMaxLength) return Outcome.Invalid($"Keep the note to {Flag.NoteMaxLength} characters.");
        if (Inputs.TextProblem(note, "note") is { } unsaveable) return Outcome.Invalid(unsaveable);
        if (await FindItemAsync(kind, itemId, includeDeleted: false, ct) is not { } item) return ItemMissing(kind);

        await using var write = await BeginAsync(actor, item, ct);
        if (!write.Found) return ItemMissing(kind);
        var (db, me, now) = (write.Db, write.Actor, write.Now);
        if (write.CanFlag(guardian, item) is { Allowed: false } no) return no.AsOutcome();
        if (await db.Flags.AnyAsync(f => f.Kind == kind && f.ItemId == itemId && f.FlaggerId == me.UserId, ct))
            return Outcome.Refused(ModerationRefusals.AlreadyFlagged);
        if (await limiter.CheckAndRecordAsync(db, me.UserId!, WriteAction.Flag, now, ct) is { Allowed: false } slow)
            return slow.AsOutcome();
        var state = await StateOfAsync(write, item, ct);
        db.Flags.Add(new Flag
        {
            Kind = kind, ItemId = itemId, DisputeId = item.DisputeId, FlaggerId = me.UserId!, Reason = reason, Note = note, At = now,
        });
        state.OpenFlags++;
        state.WaitingSince ??= now;
        // Only members in good standing hide an item: the open flags of suspended or too-new accounts still queue it for
        // review, but do not count. The new flag is not saved yet, and its flagger just passed the same rule.
        var counted = state.IsHidden ? 0 : 1 + await db.Flags
            .Where(f => f.Kind == kind && f.ItemId == itemId && f.ReviewedAt == null && f.FlaggerId != me.UserId)
            .Join(db.Users.Where(guardian.FlagCountsFrom()), f => f.FlaggerId, u => u.Id, (f, _) => f.FlaggerId)
            .Distinct().CountAsync(ct);
        if (!state.IsHidden && counted >= options.Value.AutoHideThreshold)
        {
            (state.HiddenAt, state.HiddenById, state.HiddenReason) =
                (now, null, $"Hidden automatically after {counted} members flagged it, until a moderator reviews it.");
            await RecordAsync(write, ForumActor.Anonymous, ModerationAction.AutoHidden, item, state.HiddenReason, ct);
        }
        return await write.CommitAsync();
    }

    public Task<Outcome> HideAsync(ForumActor actor, ContentKind kind, long itemId, string reason, CancellationToken ct = default) =>
        DecideAsync(actor, kind, itemId, reason, ModerationAction.Hidden, (write, state) =>
        {
            if (state.HiddenById is not null) return Outcome.Refused("A moderator already hid this.");
            // Confirms an automatic hide, or hides outright; the reason is what everyone reads in its place.
            (state.HiddenAt, state.HiddenById, state.HiddenReason) = (write.Now, write.Actor.UserId, reason.Trim());
            return null;
        }, ct);

    public Task<Outcome> UnhideAsync(ForumActor actor, ContentKind kind, long itemId, string reason, CancellationToken ct = default) =>
        DecideAsync(actor, kind, itemId, reason, ModerationAction.Unhidden, (_, state) =>
        {
            if (!state.IsHidden) return Outcome.Refused("This is not hidden.");
            // Undoing a moderator's own decision under appeal is the appeal's to decide, by another moderator.
            if (state.AppealPending) return Outcome.Refused(ModerationRefusals.AppealWaiting);
            (state.HiddenAt, state.HiddenById, state.HiddenReason) = (null, null, null);
            return null;
        }, ct);

    public Task<Outcome> DismissFlagsAsync(ForumActor actor, ContentKind kind, long itemId, string reason,
        CancellationToken ct = default) =>
        DecideAsync(actor, kind, itemId, reason, ModerationAction.FlagsDismissed, (_, state) =>
            state.OpenFlags == 0 ? Outcome.Refused("There are no flags to dismiss.")
            : state.IsHidden ? Outcome.Refused("This is hidden: restore it to keep it, or hide it for good.")
            : null, ct);

    /// <summary>
    /// A moderator's decision on one item: the reason checked, the item found, the write opened and the moderator judged;
    /// then <paramref name="decide"/> changes the item's state (or refuses, changing nothing), and the decision answers the
    /// item's open flags and is logged in the same commit.
    /// </summary>
    private async Task<Outcome> DecideAsync(ForumActor actor, ContentKind kind, long itemId, string reason, ModerationAction action,
        Func<ModerationWrite, ModeratedItem, Outcome?> decide, CancellationToken ct)
    {
        if (ReasonProblem(reason, "the reason") is { } problem) return problem;
        if (await FindItemAsync(kind, itemId, includeDeleted: true, ct) is not { } item) return ItemMissing(kind);

        await using var write = await BeginAsync(actor, item, ct);
        if (!write.Found) return ItemMissing(kind);
        var state = await StateOfAsync(write, item, ct);
        if (await write.CanModerateAsync(guardian, item) is { Allowed: false } no) return no.AsOutcome();
        if (decide(write, state) is { } refused) return refused;
        return await AnswerAndCommitAsync(write, action, item, state, reason, ct);
    }

    public async Task<Outcome> AppealAsync(ForumActor actor, ContentKind kind, long itemId, string note, CancellationToken ct = default)
    {
        if (ReasonProblem(note, "your appeal", "appeal") is { } problem) return problem;
        if (await FindItemAsync(kind, itemId, includeDeleted: true, ct) is not { } item) return ItemMissing(kind);

        await using var write = await BeginAsync(actor, item, ct);
        if (!write.Found) return ItemMissing(kind);
        var state = await StateOfAsync(write, item, ct);
        if (guardian.CanAppeal(write.Actor, state) is { Allowed: false } no) return no.AsOutcome();
        (state.AppealNote, state.AppealedAt) = (note.Trim(), write.Now);
        // The note is for moderators and the author: the public log and the hash-chained timeline, which can never be
        // hidden, say only that an appeal was made (and later how it was decided).
        await RecordAsync(write, write.Actor, ModerationAction.Appealed, item, "", ct);
        return await write.CommitAsync();
    }

    /// <param name="restore">True to show the item again (the appeal is granted); false to keep it hidden.</param>
    public async Task<Outcome> DecideAppealAsync(ForumActor actor, ContentKind kind, long itemId, bool restore, string reason,
        CancellationToken ct = default)
    {
        if (ReasonProblem(reason, "the reason") is { } problem) return problem;
        if (await FindItemAsync(kind, itemId, includeDeleted: true, ct) is not { } item) return ItemMissing(kind);

        await using var write = await BeginAsync(actor, item, ct);
        if (!write.Found) return ItemMissing(kind);
        var state = await StateOfAsync(write, item, ct);
        if (guardian.CanDecideAppeal(write.Actor, state, await write.CanModerateAsync(guardian, item)) is { Allowed: false } no)
            return no.AsOutcome();
        state.AppealDecidedAt = write.Now;
        if (restore) (state.HiddenAt, state.HiddenById, state.HiddenReason) = (null, null, null);
        return await AnswerAndCommitAsync(write, restore ? ModerationAction.AppealGranted : ModerationAction.AppealRefused, item, state,
            reason, ct);
    }

    /// <summary>
    /// A moderator's decision on an item answers its open flags: they leave the queue and no longer count towards an automatic hide.
    /// </summary>
    private async Task<Outcome> AnswerAndCommitAsync(ModerationWrite write, ModerationAction action, ContentItem item, ModeratedItem state,
        string reason,
        CancellationToken ct)
    {
        if (state.OpenFlags > 0)
        {
            await write.Db.Flags.Where(f => f.Kind == item.Kind && f.ItemId == item.ItemId && f.ReviewedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ReviewedAt, write.Now), ct);
            (state.OpenFlags, state.WaitingSince) = (0, null);
        }
        await RecordAsync(write, write.Actor, action, item, reason.Trim(), ct);
        return await write.CommitAsync();
    }

    private async Task<ContentItem?> FindItemAsync(ContentKind kind, long itemId, bool includeDeleted, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ContentItems.FindAsync(db, kind, itemId, includeDeleted, ct);
    }

    private static Outcome ItemMissing(ContentKind kind) => Outcome.NotFound($"This {ContentKinds.Name(kind)} does not exist.");

    /// <summary>The item's moderation row in this write, created on first use (and saved only if the write commits).</summary>
    private static async Task<ModeratedItem> StateOfAsync(ModerationWrite write, ContentItem item, CancellationToken ct)
    {
        var state = await write.Db.ModeratedItems.SingleOrDefaultAsync(m => m.Kind == item.Kind && m.ItemId == item.ItemId, ct);
        if (state is not null) return state;
        state = new ModeratedItem { Kind = item.Kind, ItemId = item.ItemId, DisputeId = item.DisputeId, AuthorId = item.AuthorId };
        write.Db.ModeratedItems.Add(state);
        return state;
    }

    private Task<ModerationWrite> BeginAsync(ForumActor actor, ContentItem item, CancellationToken ct) =>
        ModerationWrite.BeginAsync(writer, dbFactory, clock, actor, item, ct);
}
