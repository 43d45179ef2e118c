using System.Linq.Expressions;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// How a dispute ended, which needs the public verdict (Deliberation registers it): one place says it for a dispute read
/// (its banner, its chip) and for a list filtered or sorted in the database, so the two never disagree.
/// </summary>
public interface IDisputeOutcomes
{
    /// <summary>
    /// The outcome of a dispute brought up to now (<see cref="DisputeLifecycle.AsOf"/>). A close not saved yet gets, on this
    /// untracked copy, the verdict closing will freeze (<see cref="Dispute.FinalVerdict"/>), so the page says it at once.
    /// </summary>
    DisputeOutcome OutcomeOf(Dispute untracked);

    /// <summary>
    /// The disputes with <paramref name="outcome"/>, as saved (a close is saved by the next write or the deadline sweep).
    /// </summary>
    Expression<Func<Dispute, bool>> Having(DisputeOutcome outcome);

    /// <summary>The position of a saved dispute's outcome in <see cref="DisputeOutcome"/>'s order, for sorting by outcome.</summary>
    Expression<Func<Dispute, int>> Rank { get; }
}
