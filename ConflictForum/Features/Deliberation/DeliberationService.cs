using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// Comments, fault votes (<c>DeliberationService.FaultVotes.cs</c>), resolutions and stances: every write in a
/// <see cref="DisputeWrite"/>.
/// </summary>
public sealed partial class DeliberationService(
    IDbContextFactory<ForumDbContext> dbFactory,
    DisputeWriter writer,
    ForumGuardian guardian,
    TimelineWriter timeline,
    MarkdownRenderer markdown,
    WriteLimiter limiter,
    IOptions<VotingOptions> voting,
    IOptions<DisputeOptions> disputes,
    DisputeSnapshots snapshots,
    VoteLookups votes,
    TimeProvider clock)
{
    /// <returns>The new comment's id.</returns>
    public async Task<Outcome<int>> PostCommentAsync(ForumActor actor, int disputeId, string text, int? replyTo = null,
        CancellationToken ct = default)
    {
        var rendered = markdown.Accept(new CommentInput { Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem).As<int>();

        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound.As<int>();
        var (db, dispute, me, now) = (write.Db, write.Dispute, write.Actor, write.Now);
        if (guardian.CanComment(me, dispute) is { Allowed: false } no) return no.AsOutcome().As<int>();
        int? parentId = null;
        if (replyTo is { } id)
        {
            var parent = await db.Comments.Where(c => c.Id == id && c.DisputeId == disputeId)
                .Select(c => new { c.Id, c.ParentId }).SingleOrDefaultAsync(ct);
            if (parent is null) return Outcome.NotFound("The comment you replied to no longer exists.").As<int>();
            parentId = parent.ParentId ?? parent.Id; // replies nest one level: a reply to a reply joins the thread
        }
        if (await SlowDownAsync(write, WriteAction.Comment, ct) is { } slow) return slow.As<int>();

        var comment = new Comment
        {
            DisputeId = disputeId, ParentId = parentId, AuthorId = me.UserId!, AuthorRole = dispute.RoleOf(me),
            Source = text, Html = rendered.Html, CreatedAt = now,
        };
        db.Comments.Add(comment);
        dispute.CommentCount++;
        dispute.ActivityCount++;
        dispute.LastActivityAt = now;
        if (await write.SaveAsync() is { Succeeded: false } unsaved) return unsaved.As<int>(); // the comment's id, for the timeline
        await timeline.AppendAsync(db, disputeId, now, me, TimelineKind.CommentPosted,
            parentId is null ? $"{me.DisplayName} commented." : $"{me.DisplayName} replied to a comment.",
            reference: $"comment:{comment.Id}", contentHash: TimelineWriter.ContentHashOf(text, rendered.Html), ct: ct);
        var committed = await write.CommitAsync(DisputeChanges.Comments);
        return committed.Succeeded ? comment.Id : committed.As<int>();
    }

    public async Task<Outcome> EditCommentAsync(ForumActor actor, int commentId, string text, CancellationToken ct = default)
    {
        var rendered = markdown.Accept(new CommentInput { Text = text }, text);
        if (rendered.Problem is not null) return Outcome.Invalid(rendered.Problem);
        if (await DisputeOfCommentAsync(commentId, ct) is not { } disputeId) return Outcome.NotFound(CommentMissing);

        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        // The guardian needs the comment too, so it is asked on the rows of this transaction.
        if (ForumGuardian.CannotWrite(write.Actor) is { } cannot) return cannot.AsOutcome();
        var (comment, moderation) = await CommentAsync(write, commentId, ct);
        if (guardian.CanEditComment(actor, write.Dispute, comment, moderation) is { Allowed: false } no) return no.AsOutcome();
        if (comment.Source == text) return Outcome.Invalid("Nothing changed.");
        comment.Revisions.Add(new CommentRevision
        {
            Source = comment.Source, Html = comment.Html, At = comment.EditedAt ?? comment.CreatedAt,
        });
        (comment.Source, comment.Html, comment.EditedAt) = (text, rendered.Html, write.Now);
        await timeline.AppendAsync(write.Db, comment.DisputeId, write.Now, actor, TimelineKind.CommentEdited,
            $"{actor.DisplayName} edited a comment.",
            reference: $"comment:{comment.Id}", contentHash: TimelineWriter.ContentHashOf(text, rendered.Html), ct: ct);
        return await write.CommitAsync(DisputeChanges.Comments);
    }

    public async Task<Outcome> DeleteCommentAsync(ForumActor actor, int commentId, CancellationToken ct = default)
    {
        if (await DisputeOfCommentAsync(commentId, ct) is not { } disputeId) return Outcome.NotFound(CommentMissing);

        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        if (ForumGuardian.CannotWrite(write.Actor) is { } cannot) return cannot.AsOutcome();
        var (comment, moderation) = await CommentAsync(write, commentId, ct);
        if (guardian.CanDeleteComment(actor, write.Dispute, comment, moderation) is { Allowed: false } no) return no.AsOutcome();
        comment.DeletedAt = write.Now; // the text stays in the row for moderators and the record
        write.Dispute.CommentCount--;
        return await write.CommitAsync(DisputeChanges.Comments);
    }

    private const string CommentMissing = "This comment does not exist.";

    private async Task<Outcome?> SlowDownAsync(DisputeWrite write, WriteAction action, CancellationToken ct) =>
        await limiter.CheckAndRecordAsync(write.Db, write.Actor.UserId!, action, write.Now, ct) is { Allowed: false } no
            ? no.AsOutcome()
            : null;

    private static async Task<(Comment Comment, ModeratedItem? Moderation)> CommentAsync(DisputeWrite write, int commentId,
        CancellationToken ct) =>
        (await write.Db.Comments.Include(c => c.Revisions).SingleAsync(c => c.Id == commentId, ct),
            await write.Db.ModeratedItems.AsNoTracking()
                .SingleOrDefaultAsync(m => m.Kind == ContentKind.Comment && m.ItemId == commentId, ct));

    private async Task<int?> DisputeOfCommentAsync(int commentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Comments.Where(c => c.Id == commentId).Select(c => (int?)c.DisputeId).SingleOrDefaultAsync(ct);
    }
}
