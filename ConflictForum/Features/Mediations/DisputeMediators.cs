using ConflictForum.Data;
using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Mediations;

/// <summary>A mediator's disputes through their mediations (indexed by mediator); taking one sets both in one write.</summary>
internal sealed class DisputeMediators : IDisputeMediators
{
    public IQueryable<int> TakenBy(ForumDbContext db, string? userId) =>
        db.Mediations.Where(m => m.MediatorId == userId).Select(m => m.DisputeId);
}
