using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Moderation;

/// <summary>What moderators do to a dispute as a whole: lock its comments, remove a member's votes on it.</summary>
public sealed partial class ModerationService
{
    public async Task<Outcome> SetCommentsLockedAsync(ForumActor actor, int disputeId, bool locked, string reason,
        CancellationToken ct = default)
    {
        if (ReasonProblem(reason, "the reason") is { } problem) return problem;

        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        if (guardian.CanModerateDispute(write.Actor, write.Dispute) is { Allowed: false } no) return no.AsOutcome();
        if (write.Dispute.CommentsLocked == locked)
            return Outcome.Refused(locked ? "Comments are already locked." : "Comments are not locked.");
        write.Dispute.CommentsLocked = locked;
        await RecordAsync(write, write.Actor, locked ? ModerationAction.CommentsLocked : ModerationAction.CommentsUnlocked, disputeId, null,
            reason.Trim(), ct);
        return await write.CommitAsync(DisputeChanges.All);
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
                .Union(db.Stances.Where(s => s.VoterId == userId)
                    .Join(db.Resolutions, s => s.ResolutionId, r => r.Id, (_, r) => r.DisputeId))
                .ToListAsync(ct);
        }
        if (name is null) return Outcome.NotFound("There is no such member.").As<int>();
        if (disputeIds.Count == 0) return Outcome.Refused($"{name} has no votes to remove.").As<int>();

        var removed = 0;
        foreach (var disputeId in disputeIds.Order())
        {
            var outcome = await RemoveVotesAsync(actor, disputeId, new TargetMember(userId, name), reason, ct);
            if (!outcome.Succeeded) return outcome;
            removed += outcome.Value;
        }
        return removed;
    }

    /// <returns>How many of the member's votes and stances on this dispute were removed.</returns>
    private async Task<Outcome<int>> RemoveVotesAsync(ForumActor actor, int disputeId, TargetMember member, string reason,
        CancellationToken ct)
    {
        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound.As<int>();
        var db = write.Db;
        var opposed = await Opponents.AreAsync(db, write.Actor.UserId, member.UserId, ct);
        if (guardian.CanRemoveVotes(write.Actor, write.Dispute, opposed) is { Allowed: false } no)
            return no.AsOutcome().As<int>();
        // A closed verdict is history: it stays as it was counted.
        if (write.Dispute.Status != DisputeStatus.Open) return await CommittedAsync(write, 0);
        var vote = await db.FaultVotes.SingleOrDefaultAsync(v => v.DisputeId == disputeId && v.VoterId == member.UserId, ct);
        var stances = await db.Stances.Where(s => s.VoterId == member.UserId)
            .Join(db.Resolutions.Where(r => r.DisputeId == disputeId), s => s.ResolutionId, r => r.Id, (s, _) => s).ToListAsync(ct);
        if (vote is not null)
        {
            db.FaultVotes.Remove(vote);
            await DeliberationService.MoveFaultCountersAsync(db, disputeId, vote.Option, -1, ct);
        }
        foreach (var stance in stances)
        {
            db.Stances.Remove(stance);
            await DeliberationService.MoveStanceAsync(db, stance.ResolutionId, stance.Supports, -1, ct);
        }
        var count = (vote is null ? 0 : 1) + stances.Count;
        if (count > 0)
            await RecordAsync(write, write.Actor, ModerationAction.VotesRemoved, disputeId, member, $"{count} removed: {reason.Trim()}",
                ct);
        return await CommittedAsync(write, count);
    }

    private static async Task<Outcome<int>> CommittedAsync(DisputeWrite write, int count) =>
        await write.CommitAsync(DisputeChanges.Tally | DisputeChanges.Resolutions | DisputeChanges.Timeline) is { Succeeded: false } failed
            ? failed.As<int>()
            : count;

    private sealed record TargetMember(string UserId, string Name);

    private async Task RecordAsync(ModerationWrite write, ForumActor moderator, ModerationAction action, ContentItem item,
        string reason, CancellationToken ct)
    {
        var author = await write.Db.Users.Where(u => u.Id == item.AuthorId).Select(u => u.DisplayName).SingleAsync(ct);
        var target = new TargetMember(item.AuthorId, author);
        if (write.Dispute is { } dispute) await RecordAsync(write.Db, write.Now, moderator, action, dispute.Id, target, reason, ct, item);
        else Log(write.Db, moderator, action, item, target, reason, write.Now);
    }

    private Task RecordAsync(DisputeWrite write, ForumActor moderator, ModerationAction action, int disputeId, TargetMember? target,
        string reason, CancellationToken ct) =>
        RecordAsync(write.Db, write.Now, moderator, action, disputeId, target, reason, ct);

    /// <summary>The log line, and the same on the dispute's timeline.</summary>
    private async Task RecordAsync(ForumDbContext db, DateTime now, ForumActor moderator, ModerationAction action, int disputeId,
        TargetMember? target, string reason, CancellationToken ct, ContentItem? item = null)
    {
        var entry = Log(db, moderator, action, item, target, reason, now);
        entry.DisputeId = disputeId;
        await timeline.AppendAsync(db, disputeId, now, moderator, TimelineKind.Moderation, ModerationText.Summary(entry),
            reference: item is null ? null : $"{item.Kind.ToString().ToLowerInvariant()}:{item.ItemId}", ct: ct);
    }
}
