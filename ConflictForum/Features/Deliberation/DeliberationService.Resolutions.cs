using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Deliberation;

/// <summary>Resolutions, the stances members take on them and the parties' answers; the admins' recount.</summary>
public sealed partial class DeliberationService
{
    public async Task<Outcome<int>> ProposeResolutionAsync(ForumActor actor, int disputeId, string title, string text,
        CancellationToken ct = default)
    {
        title = title?.Trim() ?? "";
        var rendered = markdown.Accept(new ResolutionInput { Title = title, Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem).As<int>();

        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound.As<int>();
        var (db, dispute, me, now) = (write.Db, write.Dispute, write.Actor, write.Now);
        if (guardian.CanProposeResolution(me, dispute) is { Allowed: false } no) return no.AsOutcome().As<int>();
        if (await SlowDownAsync(write, WriteAction.Resolution, ct) is { } slow) return slow.As<int>();
        var resolution = new Resolution
        {
            DisputeId = disputeId, ProposerId = me.UserId!, Title = title, Source = text, Html = rendered.Html, CreatedAt = now,
        };
        db.Resolutions.Add(resolution);
        dispute.ActivityCount++;
        dispute.LastActivityAt = now;
        if (await write.SaveAsync() is { Succeeded: false } unsaved) return unsaved.As<int>(); // the resolution's id, for the timeline
        await timeline.AppendAsync(db, disputeId, now, me, TimelineKind.ResolutionProposed,
            $"{me.DisplayName} proposed a resolution: “{title}”.", reference: $"resolution:{resolution.Id}",
            contentHash: TimelineWriter.ContentHashOf(text, rendered.Html), ct: ct);
        var committed = await write.CommitAsync(DisputeChanges.Resolutions | DisputeChanges.Timeline);
        return committed.Succeeded ? resolution.Id : committed.As<int>();
    }

    /// <summary>Support (true), oppose (false) or no stance (null) on a resolution; one row per member, changeable.</summary>
    public async Task<Outcome> SetStanceAsync(ForumActor actor, int resolutionId, bool? supports, CancellationToken ct = default)
    {
        if (await DisputeOfResolutionAsync(resolutionId, ct) is not { } disputeId) return Outcome.NotFound(ResolutionMissing);

        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        if (guardian.CanTakeStance(write.Actor, write.Dispute) is { Allowed: false } no) return no.AsOutcome();
        var db = write.Db;
        if (await db.ModeratedItems.IsHiddenAsync(ContentKind.Resolution, resolutionId, ct))
            return Outcome.Refused(DeliberationRefusals.ResolutionHidden);
        var stance = await db.Stances.SingleOrDefaultAsync(s => s.ResolutionId == resolutionId && s.VoterId == write.Actor.UserId, ct);
        if (stance?.Supports == supports) return await write.CommitAsync(DisputeChanges.Resolutions);
        if (await SlowDownAsync(write, WriteAction.Vote, ct) is { } slow) return slow;
        if (stance is not null) await MoveStanceAsync(db, resolutionId, stance.Supports, -1, ct);
        if (supports is not { } value)
        {
            if (stance is not null) db.Stances.Remove(stance);
            return await write.CommitAsync(DisputeChanges.Resolutions);
        }
        if (stance is null) db.Stances.Add(new Stance { ResolutionId = resolutionId, VoterId = write.Actor.UserId!, Supports = value });
        else stance.Supports = value;
        await MoveStanceAsync(db, resolutionId, value, +1, ct);
        return await write.CommitAsync(DisputeChanges.Resolutions);
    }

    public async Task<Outcome> AnswerResolutionAsync(ForumActor actor, int resolutionId, PartyAnswer answer, CancellationToken ct = default)
    {
        if (await DisputeOfResolutionAsync(resolutionId, ct) is not { } disputeId) return Outcome.NotFound(ResolutionMissing);

        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        if (guardian.CanAnswerResolution(write.Actor, write.Dispute) is { Allowed: false } no) return no.AsOutcome();
        if (await write.Db.ModeratedItems.IsHiddenAsync(ContentKind.Resolution, resolutionId, ct))
            return Outcome.Refused(DeliberationRefusals.ResolutionHidden);
        var resolution = await write.Db.Resolutions.SingleAsync(r => r.Id == resolutionId, ct);
        var role = write.Dispute.RoleOf(write.Actor)!.Value;
        var current = role == PartyRole.Claimant ? resolution.ClaimantAnswer : resolution.RespondentAnswer;
        if (current == answer) return await write.CommitAsync(DisputeChanges.Resolutions | DisputeChanges.Timeline);
        if (await SlowDownAsync(write, WriteAction.Answer, ct) is { } slow) return slow;
        if (role == PartyRole.Claimant) (resolution.ClaimantAnswer, resolution.ClaimantAnsweredAt) = (answer, write.Now);
        else (resolution.RespondentAnswer, resolution.RespondentAnsweredAt) = (answer, write.Now);
        var said = answer switch
        {
            PartyAnswer.Accepts => "would accept",
            PartyAnswer.Declines => "declines",
            _ => "is undecided on",
        };
        await timeline.AppendAsync(write.Db, disputeId, write.Now, write.Actor, TimelineKind.ResolutionAnswered,
            $"{write.Actor.DisplayName} ({role.ToString().ToLowerInvariant()}) {said} the resolution “{resolution.Title}”.",
            reference: $"resolution:{resolution.Id}", ct: ct);
        if (resolution is not { ClaimantAnswer: PartyAnswer.Accepts, RespondentAnswer: PartyAnswer.Accepts })
            return await write.CommitAsync(DisputeChanges.Resolutions | DisputeChanges.Timeline);

        // Both parties accept the same resolution: binding, the dispute settles on it.
        await write.SettleAsync(new Settlement
        {
            Source = resolution.Source, Html = resolution.Html, ResolutionId = resolution.Id,
            ClaimantAcceptedAt = resolution.ClaimantAnsweredAt!.Value, RespondentAcceptedAt = resolution.RespondentAnsweredAt!.Value,
        }, $"Settled: both parties accepted the resolution “{resolution.Title}”. Voting is closed; discussion goes on.");
        return await write.CommitAsync(DisputeChanges.All);
    }

    /// <summary>
    /// Counts the vote and stance rows and compares them with the counters; with <paramref name="repair"/>, sets the
    /// counters to the counts, on the record and live on open pages. Admins only (the admin page; tests).
    /// </summary>
    public async Task<Outcome<RecountReport>> RecountAsync(ForumActor actor, int disputeId, bool repair, CancellationToken ct = default)
    {
        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound.As<RecountReport>();
        var (db, dispute) = (write.Db, write.Dispute);
        if ((repair ? guardian.CanRepairCounts(write.Actor, dispute) : guardian.CanRecount(write.Actor)) is { Allowed: false } no)
            return no.AsOutcome().As<RecountReport>();
        var stored = FaultTally.Of(dispute); // read under the lock every vote takes: no vote lands in between
        var rows = await db.FaultVotes.Where(v => v.DisputeId == disputeId).GroupBy(v => v.Option)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Count(FaultOption o) => rows.GetValueOrDefault(o);
        var counted = new FaultTally(Count(FaultOption.ClaimantAtFault), Count(FaultOption.RespondentAtFault), Count(FaultOption.Both),
            Count(FaultOption.Neither));
        var resolutions = await db.Resolutions.Where(r => r.DisputeId == disputeId)
            .Select(r => new
            {
                Resolution = r,
                Support = db.Stances.Count(s => s.ResolutionId == r.Id && s.Supports),
                Oppose = db.Stances.Count(s => s.ResolutionId == r.Id && !s.Supports),
            }).ToListAsync(ct);
        var off = resolutions.Where(r => r.Resolution.Support != r.Support || r.Resolution.Oppose != r.Oppose).ToList();

        var repaired = repair && (stored != counted || off.Count > 0);
        if (repaired)
        {
            SetFaultCounters(dispute, counted);
            foreach (var r in off) (r.Resolution.Support, r.Resolution.Oppose) = (r.Support, r.Oppose);
            await timeline.AppendAsync(db, disputeId, write.Now, actor, TimelineKind.VotesRecounted,
                $"{actor.DisplayName} recounted the votes and corrected the counters: {stored.Total} counted before, "
                + $"{counted.Total} votes on record"
                + (off.Count > 0 ? $"; {off.Count} resolution tally corrected." : "."), ct: ct);
        }
        var committed = await write.CommitAsync(repair
            ? DisputeChanges.Tally | DisputeChanges.Resolutions | DisputeChanges.Timeline
            : DisputeChanges.None);
        return committed.Succeeded ? new RecountReport(stored, counted, off.Count, repaired) : committed.As<RecountReport>();
    }

    private const string ResolutionMissing = "This resolution does not exist.";

    private async Task<int?> DisputeOfResolutionAsync(int resolutionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Resolutions.Where(r => r.Id == resolutionId).Select(r => (int?)r.DisputeId).SingleOrDefaultAsync(ct);
    }

    internal static Task<int> MoveStanceAsync(ForumDbContext db, int resolutionId, bool supports, int delta, CancellationToken ct)
    {
        var resolution = db.Resolutions.Where(r => r.Id == resolutionId);
        return supports
            ? resolution.ExecuteUpdateAsync(s => s.SetProperty(r => r.Support, r => r.Support + delta), ct)
            : resolution.ExecuteUpdateAsync(s => s.SetProperty(r => r.Oppose, r => r.Oppose + delta), ct);
    }
}
