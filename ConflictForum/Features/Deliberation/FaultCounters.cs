using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// The one place that knows the four fault counters on a dispute's row. Moved with <c>ExecuteUpdate</c> in the vote's own
/// transaction (under the dispute's lock), so a recount of the vote rows always matches them.
/// </summary>
public static class FaultCounters
{
    /// <summary>Moves one option's counter by <paramref name="delta"/>.</summary>
    public static Task<int> MoveAsync(ForumDbContext db, int disputeId, FaultOption option, int delta, CancellationToken ct) =>
        MoveAsync(db, disputeId, new FaultTally(
            option == FaultOption.ClaimantAtFault ? delta : 0, option == FaultOption.RespondentAtFault ? delta : 0,
            option == FaultOption.Both ? delta : 0, option == FaultOption.Neither ? delta : 0), ct);

    /// <summary>Moves every counter by its share of <paramref name="moves"/> in one statement (a batch of votes).</summary>
    public static Task<int> MoveAsync(ForumDbContext db, int disputeId, FaultTally moves, CancellationToken ct)
    {
        var (claimant, respondent, both, neither) = (moves.ClaimantAtFault, moves.RespondentAtFault, moves.Both, moves.Neither);
        return db.Disputes.Where(d => d.Id == disputeId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.ClaimantAtFaultVotes, d => d.ClaimantAtFaultVotes + claimant)
            .SetProperty(d => d.RespondentAtFaultVotes, d => d.RespondentAtFaultVotes + respondent)
            .SetProperty(d => d.BothAtFaultVotes, d => d.BothAtFaultVotes + both)
            .SetProperty(d => d.NeitherAtFaultVotes, d => d.NeitherAtFaultVotes + neither), ct);
    }

    /// <summary>Sets the counters of a tracked dispute to <paramref name="counted"/> (a recount's repair), saved with its write.</summary>
    public static void Set(Dispute dispute, FaultTally counted) =>
        (dispute.ClaimantAtFaultVotes, dispute.RespondentAtFaultVotes, dispute.BothAtFaultVotes, dispute.NeitherAtFaultVotes) =
            (counted.ClaimantAtFault, counted.RespondentAtFault, counted.Both, counted.Neither);
}
