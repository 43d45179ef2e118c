using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Deliberation;

/// <summary>What a recount found: the counters as stored and as the rows say.</summary>
public sealed record RecountReport(FaultTally Stored, FaultTally Counted, int ResolutionsOff, bool Repaired)
{
    public bool Matches => Stored == Counted && ResolutionsOff == 0;
}

/// <summary>Comments, fault votes, resolutions and stances: every write through <see cref="DisputeWriter"/>.</summary>
public sealed class DeliberationService(
    IDbContextFactory<ForumDbContext> dbFactory,
    DisputeWriter writer,
    TimelineWriter timeline,
    MarkdownRenderer markdown,
    IOptions<VotingOptions> options,
    WriteLimiter limiter,
    FaultVoteCommit votes,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Casts or changes the member's fault vote. Votes arriving together on one dispute share one transaction and one
    /// durable commit (<see cref="FaultVoteCommit"/>); each is still judged on its own, and acknowledged only once committed.
    /// </summary>
    public Task<Outcome> CastFaultVoteAsync(ForumActor actor, int disputeId, FaultOption option) => votes.CastAsync(actor, disputeId, option);

    public Task<Outcome> WithdrawFaultVoteAsync(ForumActor actor, int disputeId, CancellationToken ct = default) =>
        WriteAsync(actor, disputeId, (a, d) => ForumGuardian.CanVote(a, d, Now, options.Value.MinimumAccountAge), async (db, _) =>
        {
            var vote = await db.FaultVotes.SingleOrDefaultAsync(v => v.DisputeId == disputeId && v.VoterId == actor.UserId, ct);
            if (vote is null) return Outcome.Invalid("You have not voted on this dispute.");
            if (await SlowDownAsync(db, actor, WriteAction.Vote, ct) is { } slow) return slow;
            db.FaultVotes.Remove(vote);
            await MoveAsync(db, disputeId, vote.Option, -1, ct);
            return Outcome.Ok;
        }, DisputeChanges.Tally, ct);

    /// <returns>The new comment's id.</returns>
    public async Task<Outcome<int>> PostCommentAsync(ForumActor actor, int disputeId, string text, int? replyTo = null, CancellationToken ct = default)
    {
        var rendered = markdown.Accept(new CommentInput { Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem).As<int>();
        var html = rendered.Html;
        var created = 0;
        var outcome = await WriteAsync(actor, disputeId, ForumGuardian.CanComment, async (db, dispute) =>
        {
            int? parentId = null;
            if (replyTo is { } id)
            {
                var parent = await db.Comments.Where(c => c.Id == id && c.DisputeId == disputeId).Select(c => new { c.Id, c.ParentId }).SingleOrDefaultAsync(ct);
                if (parent is null) return Outcome.NotFound("The comment you replied to no longer exists.");
                parentId = parent.ParentId ?? parent.Id; // replies nest one level: a reply to a reply joins the thread
            }
            if (await SlowDownAsync(db, actor, WriteAction.Comment, ct) is { } slow) return slow;
            var comment = new Comment
            {
                DisputeId = disputeId, ParentId = parentId, AuthorId = actor.UserId!, AuthorRole = dispute.RoleOf(actor.UserId),
                Source = text, Html = html, CreatedAt = Now,
            };
            db.Comments.Add(comment);
            dispute.CommentCount++;
            dispute.ActivityCount++;
            dispute.LastActivityAt = Now;
            await db.SaveChangesAsync(ct);
            created = comment.Id;
            await timeline.AppendAsync(db, disputeId, Now, actor, TimelineKind.CommentPosted,
                parentId is null ? $"{actor.DisplayName} commented." : $"{actor.DisplayName} replied to a comment.",
                reference: $"comment:{comment.Id}", contentHash: TimelineWriter.ContentHashOf(text, html), ct: ct);
            return Outcome.Ok;
        }, DisputeChanges.Comments, ct);
        return outcome.Succeeded ? created : outcome.As<int>();
    }

    public async Task<Outcome> EditCommentAsync(ForumActor actor, int commentId, string text, CancellationToken ct = default)
    {
        var rendered = markdown.Accept(new CommentInput { Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);
        var html = rendered.Html;
        return await WithCommentAsync(actor, commentId, (d, c, m) => ForumGuardian.CanEditComment(actor, d, c, m, Now, options.Value.CommentEditWindow),
            comment =>
            {
                if (comment.Source == text) return Outcome.Invalid("Nothing changed.");
                comment.Revisions.Add(new CommentRevision { Source = comment.Source, Html = comment.Html, At = comment.EditedAt ?? comment.CreatedAt });
                comment.Source = text;
                comment.Html = html;
                comment.EditedAt = Now;
                return Outcome.Ok;
            }, ct, record: (db, comment) => timeline.AppendAsync(db, comment.DisputeId, Now, actor, TimelineKind.CommentEdited,
                $"{actor.DisplayName} edited a comment.", reference: $"comment:{comment.Id}", contentHash: TimelineWriter.ContentHashOf(text, html), ct: ct));
    }

    public Task<Outcome> DeleteCommentAsync(ForumActor actor, int commentId, CancellationToken ct = default) =>
        WithCommentAsync(actor, commentId, (d, c, m) => ForumGuardian.CanDeleteComment(actor, d, c, m), comment =>
        {
            comment.DeletedAt = Now; // the text stays in the row for moderators and the record
            return Outcome.Ok;
        }, ct, countDown: true);

    public async Task<Outcome<int>> ProposeResolutionAsync(ForumActor actor, int disputeId, string title, string text, CancellationToken ct = default)
    {
        title = title?.Trim() ?? "";
        var rendered = markdown.Accept(new ResolutionInput { Title = title, Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem).As<int>();
        var html = rendered.Html;
        var created = 0;
        var outcome = await WriteAsync(actor, disputeId, ForumGuardian.CanProposeResolution, async (db, dispute) =>
        {
            if (await SlowDownAsync(db, actor, WriteAction.Resolution, ct) is { } slow) return slow;
            var resolution = new Resolution { DisputeId = disputeId, ProposerId = actor.UserId!, Title = title, Source = text, Html = html, CreatedAt = Now };
            db.Resolutions.Add(resolution);
            dispute.ActivityCount++;
            dispute.LastActivityAt = Now;
            await db.SaveChangesAsync(ct);
            created = resolution.Id;
            await timeline.AppendAsync(db, disputeId, Now, actor, TimelineKind.ResolutionProposed,
                $"{actor.DisplayName} proposed a resolution: “{title}”.", reference: $"resolution:{resolution.Id}",
                contentHash: TimelineWriter.ContentHashOf(text, html), ct: ct);
            return Outcome.Ok;
        }, DisputeChanges.Resolutions | DisputeChanges.Timeline, ct);
        return outcome.Succeeded ? created : outcome.As<int>();
    }

    /// <summary>Support (true), oppose (false) or no stance (null) on a resolution; one row per member, changeable.</summary>
    public async Task<Outcome> SetStanceAsync(ForumActor actor, int resolutionId, bool? supports, CancellationToken ct = default)
    {
        var disputeId = await DisputeOfResolutionAsync(resolutionId, ct);
        if (disputeId is null) return Outcome.NotFound("This resolution does not exist.");
        return await WriteAsync(actor, disputeId.Value, (a, d) => ForumGuardian.CanTakeStance(a, d, Now, options.Value.MinimumAccountAge), async (db, _) =>
        {
            var stance = await db.Stances.SingleOrDefaultAsync(s => s.ResolutionId == resolutionId && s.VoterId == actor.UserId, ct);
            if (stance?.Supports == supports) return Outcome.Ok;
            if (await SlowDownAsync(db, actor, WriteAction.Vote, ct) is { } slow) return slow;
            if (stance is not null) await MoveStanceAsync(db, resolutionId, stance.Supports, -1, ct);
            if (supports is not { } value)
            {
                if (stance is not null) db.Stances.Remove(stance);
                return Outcome.Ok;
            }
            if (stance is null) db.Stances.Add(new Stance { ResolutionId = resolutionId, VoterId = actor.UserId!, Supports = value });
            else stance.Supports = value;
            await MoveStanceAsync(db, resolutionId, value, +1, ct);
            return Outcome.Ok;
        }, DisputeChanges.Resolutions, ct);
    }

    public async Task<Outcome> AnswerResolutionAsync(ForumActor actor, int resolutionId, PartyAnswer answer, CancellationToken ct = default)
    {
        var disputeId = await DisputeOfResolutionAsync(resolutionId, ct);
        if (disputeId is null) return Outcome.NotFound("This resolution does not exist.");
        return await WriteAsync(actor, disputeId.Value, ForumGuardian.CanAnswerResolution, async (db, dispute) =>
        {
            var resolution = await db.Resolutions.SingleAsync(r => r.Id == resolutionId, ct);
            var role = dispute.RoleOf(actor.UserId)!.Value;
            var current = role == PartyRole.Claimant ? resolution.ClaimantAnswer : resolution.RespondentAnswer;
            if (current == answer) return Outcome.Ok;
            if (await SlowDownAsync(db, actor, WriteAction.Answer, ct) is { } slow) return slow;
            if (role == PartyRole.Claimant) resolution.ClaimantAnswer = answer;
            else resolution.RespondentAnswer = answer;
            var said = answer switch
            {
                PartyAnswer.Accepts => "would accept",
                PartyAnswer.Declines => "declines",
                _ => "is undecided on",
            };
            await timeline.AppendAsync(db, dispute.Id, Now, actor, TimelineKind.ResolutionAnswered,
                $"{actor.DisplayName} ({role.ToString().ToLowerInvariant()}) {said} the resolution “{resolution.Title}”.",
                reference: $"resolution:{resolution.Id}", ct: ct);
            return Outcome.Ok;
        }, DisputeChanges.Resolutions | DisputeChanges.Timeline, ct);
    }

    /// <summary>
    /// Counts the vote and stance rows and compares them with the counters; with <paramref name="repair"/>, sets the
    /// counters to the counts, on the record and live on open pages. Admins only (the admin page; tests).
    /// </summary>
    public async Task<Outcome<RecountReport>> RecountAsync(ForumActor actor, int disputeId, bool repair, CancellationToken ct = default)
    {
        RecountReport? report = null;
        var outcome = await WriteAsync(actor, disputeId, (a, d) => repair ? ForumGuardian.CanRepairCounts(a, d) : ForumGuardian.CanRecount(a), async (db, dispute) =>
        {
            var stored = FaultTally.Of(dispute); // read under the lock every vote takes: no vote lands in between
            var rows = await db.FaultVotes.Where(v => v.DisputeId == disputeId).GroupBy(v => v.Option)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            int Count(FaultOption o) => rows.GetValueOrDefault(o);
            var counted = new FaultTally(Count(FaultOption.ClaimantAtFault), Count(FaultOption.RespondentAtFault), Count(FaultOption.Both), Count(FaultOption.Neither));
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
                (dispute.ClaimantAtFaultVotes, dispute.RespondentAtFaultVotes, dispute.BothAtFaultVotes, dispute.NeitherAtFaultVotes) =
                    (counted.ClaimantAtFault, counted.RespondentAtFault, counted.Both, counted.Neither);
                foreach (var r in off) (r.Resolution.Support, r.Resolution.Oppose) = (r.Support, r.Oppose);
                await timeline.AppendAsync(db, disputeId, Now, actor, TimelineKind.VotesRecounted,
                    $"{actor.DisplayName} recounted the votes and corrected the counters: {stored.Total} counted before, {counted.Total} votes on record"
                    + (off.Count > 0 ? $"; {off.Count} resolution tally corrected." : "."), ct: ct);
            }
            report = new RecountReport(stored, counted, off.Count, repaired);
            return Outcome.Ok;
        }, repair ? DisputeChanges.Tally | DisputeChanges.Resolutions | DisputeChanges.Timeline : DisputeChanges.None, ct);
        return outcome.Succeeded ? report! : outcome.As<RecountReport>();
    }

    private async Task<Outcome?> SlowDownAsync(ForumDbContext db, ForumActor actor, WriteAction action, CancellationToken ct) =>
        await limiter.CheckAndRecordAsync(db, actor.UserId!, action, Now, ct) is { Allowed: false } no ? no.AsOutcome() : null;

    private Task<Outcome> WriteAsync(ForumActor actor, int disputeId, Func<ForumActor, Dispute, Decision> permission,
        Func<ForumDbContext, Dispute, Task<Outcome>> change, DisputeChanges changes, CancellationToken ct) =>
        writer.WriteAsync(actor, disputeId, clock, permission, change, changes, ct);

    private async Task<Outcome> WithCommentAsync(ForumActor actor, int commentId, Func<Dispute, Comment, ModeratedItem?, Decision> permission,
        Func<Comment, Outcome> change, CancellationToken ct, bool countDown = false, Func<ForumDbContext, Comment, Task>? record = null)
    {
        int? disputeId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            disputeId = await db.Comments.Where(c => c.Id == commentId).Select(c => (int?)c.DisputeId).SingleOrDefaultAsync(ct);
        }
        if (disputeId is null) return Outcome.NotFound("This comment does not exist.");
        // The guardian needs the comment too, so it is asked inside the write, on the rows of this transaction.
        return await WriteAsync(actor, disputeId.Value, (a, _) => ForumGuardian.CannotWrite(a) ?? Decision.Granted, async (db, dispute) =>
        {
            var comment = await db.Comments.Include(c => c.Revisions).SingleAsync(c => c.Id == commentId, ct);
            var moderation = await db.ModeratedItems.AsNoTracking().SingleOrDefaultAsync(m => m.Kind == ContentKind.Comment && m.ItemId == commentId, ct);
            if (permission(dispute, comment, moderation) is { Allowed: false } no) return no.AsOutcome();
            var outcome = change(comment);
            if (outcome.Succeeded && countDown) dispute.CommentCount--;
            if (outcome.Succeeded && record is not null) await record(db, comment);
            return outcome;
        }, DisputeChanges.Comments, ct);
    }

    private async Task<int?> DisputeOfResolutionAsync(int resolutionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Resolutions.Where(r => r.Id == resolutionId).Select(r => (int?)r.DisputeId).SingleOrDefaultAsync(ct);
    }

    internal static Task<int> MoveAsync(ForumDbContext db, int disputeId, FaultOption option, int delta, CancellationToken ct)
    {
        var dispute = db.Disputes.Where(d => d.Id == disputeId);
        return option switch
        {
            FaultOption.ClaimantAtFault => dispute.ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimantAtFaultVotes, d => d.ClaimantAtFaultVotes + delta), ct),
            FaultOption.RespondentAtFault => dispute.ExecuteUpdateAsync(s => s.SetProperty(d => d.RespondentAtFaultVotes, d => d.RespondentAtFaultVotes + delta), ct),
            FaultOption.Both => dispute.ExecuteUpdateAsync(s => s.SetProperty(d => d.BothAtFaultVotes, d => d.BothAtFaultVotes + delta), ct),
            _ => dispute.ExecuteUpdateAsync(s => s.SetProperty(d => d.NeitherAtFaultVotes, d => d.NeitherAtFaultVotes + delta), ct),
        };
    }

    internal static Task<int> MoveStanceAsync(ForumDbContext db, int resolutionId, bool supports, int delta, CancellationToken ct)
    {
        var resolution = db.Resolutions.Where(r => r.Id == resolutionId);
        return supports
            ? resolution.ExecuteUpdateAsync(s => s.SetProperty(r => r.Support, r => r.Support + delta), ct)
            : resolution.ExecuteUpdateAsync(s => s.SetProperty(r => r.Oppose, r => r.Oppose + delta), ct);
    }
}
