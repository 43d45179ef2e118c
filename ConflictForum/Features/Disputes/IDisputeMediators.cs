using ConflictForum.Data;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// The disputes a member took a mediation on, as an indexed read (Mediations implements it): how the disputes a member is in
/// (<see cref="DisputeQueries.Involving"/>) find a mediator's without reading every dispute, whose own mediator has no index.
/// </summary>
public interface IDisputeMediators
{
    /// <summary>The ids of the disputes <paramref name="userId"/> took a mediation on, as a query to compose.</summary>
    IQueryable<int> TakenBy(ForumDbContext db, string? userId);
}
