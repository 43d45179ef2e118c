using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Who follows a dispute: its parties and everyone who commented, voted or proposed a resolution on it, and any member who
/// chose to; minus whoever chose not to. Following or not is each member's own choice, any time.
/// </summary>
public sealed class Following(IDbContextFactory<ForumDbContext> dbFactory, TimeProvider clock)
{
    public async Task<bool> IsFollowingAsync(ForumActor viewer, int disputeId, CancellationToken ct = default)
    {
        if (viewer.UserId is not { } me) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Followers(db, disputeId).AnyAsync(id => id == me, ct);
    }

    /// <summary>The signed-in member follows the dispute, or stops following it.</summary>
    public async Task<Outcome> SetAsync(ForumActor actor, int disputeId, bool follow, CancellationToken ct = default)
    {
        if (actor.UserId is not { } me) return Outcome.Refused(ForumGuardian.SignInFirst);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Disputes.AnyAsync(d => d.Id == disputeId, ct)) return DisputeWrite.NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Follows.Where(f => f.DisputeId == disputeId && f.UserId == me)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Following, follow).SetProperty(f => f.At, now), ct) == 0)
        {
            db.Follows.Add(new Follow { DisputeId = disputeId, UserId = me, Following = follow, At = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another tab of the same member chose at the same moment: the later choice wins.
                db.ChangeTracker.Clear();
                await db.Follows.Where(f => f.DisputeId == disputeId && f.UserId == me)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Following, follow).SetProperty(f => f.At, now), ct);
            }
        }
        return Outcome.Ok;
    }

    /// <summary>The ids of the dispute's followers, as a query.</summary>
    internal static IQueryable<string> Followers(ForumDbContext db, int disputeId)
    {
        var dispute = db.Disputes.Where(d => d.Id == disputeId);
        var chose = db.Follows.Where(f => f.DisputeId == disputeId);
        return dispute.Select(d => d.ClaimantId)
            .Concat(dispute.Where(d => d.RespondentId != null).Select(d => d.RespondentId!))
            .Concat(db.Comments.Where(c => c.DisputeId == disputeId).Select(c => c.AuthorId))
            .Concat(db.FaultVotes.Where(v => v.DisputeId == disputeId).Select(v => v.VoterId))
            .Concat(db.Resolutions.Where(r => r.DisputeId == disputeId).Select(r => r.ProposerId))
            .Concat(chose.Where(f => f.Following).Select(f => f.UserId))
            .Distinct()
            .Where(id => !chose.Any(f => f.UserId == id && !f.Following));
    }
}
