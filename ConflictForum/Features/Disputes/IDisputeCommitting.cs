using ConflictForum.Data;
using ConflictForum.Features.Timeline;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Something other features add to a write's own transaction from the entries it appended to the record (the parties'
/// notifications), just before it commits: saved with the change or not at all.
/// </summary>
public interface IDisputeCommitting
{
    /// <param name="appended">The entries this write appended, oldest first (the deadlines it applied included).</param>
    /// <returns>The members whose notifications changed: they are told after the commit.</returns>
    Task<IReadOnlyCollection<string>> OnCommittingAsync(ForumDbContext db, Dispute dispute, IReadOnlyList<TimelineEntry> appended,
        CancellationToken ct);
}
