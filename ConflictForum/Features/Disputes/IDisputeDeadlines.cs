using ConflictForum.Data;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Deadlines another feature keeps on a dispute (an offer's expiry): applied with the dispute's own at the start of every
/// write on it, in its transaction, and by the background sweep.
/// </summary>
public interface IDisputeDeadlines
{
    /// <summary>Applies what is due by <paramref name="now"/>, with its timeline entries; true when anything changed.</summary>
    Task<bool> ApplyDueAsync(ForumDbContext db, Dispute dispute, DateTime now, CancellationToken ct);

    /// <summary>The disputes with something due by <paramref name="now"/>, for the sweep.</summary>
    IQueryable<int> DisputesDue(ForumDbContext db, DateTime now);
}
