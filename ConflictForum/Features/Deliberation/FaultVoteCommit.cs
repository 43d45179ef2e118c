using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// Fault votes under a storm: votes arriving together on a dispute are committed together (<see cref="GroupCommit{TRequest}"/>),
/// and the batch is applied set-wise: the voters' standing, their current votes and their recent writes in one query each,
/// every vote judged on its own in memory, the counters moved by one statement, one durable commit. Each caller is
/// acknowledged only after that commit.
/// </summary>
public sealed class FaultVoteCommit
{
    private readonly DisputeWriter writer;
    private readonly ForumGuardian guardian;
    private readonly WriteLimiter limiter;
    private readonly GroupCommit<VoteRequest> lanes;

    public FaultVoteCommit(DisputeWriter writer, ForumGuardian guardian, WriteLimiter limiter)
    {
        (this.writer, this.guardian, this.limiter) = (writer, guardian, limiter);
        lanes = new GroupCommit<VoteRequest>(CommitAsync);
    }

    public Task<Outcome> CastAsync(ForumActor actor, int disputeId, FaultOption option) =>
        lanes.SubmitAsync(disputeId, new VoteRequest(actor, option));

    private async Task<Outcome[]> CommitAsync(int disputeId, IReadOnlyList<VoteRequest> votes)
    {
        if (await writer.CommitBatchAsync(disputeId, votes.Count, write => ApplyAsync(write, votes), DisputeChanges.Tally)
            is BatchResult.Committed batch)
            return batch.Outcomes;
        // A constraint failed somewhere in the batch and nothing was saved: each vote again on its own, so only the one at fault
        // is refused.
        var outcomes = new Outcome[votes.Count];
        for (var i = 0; i < votes.Count; i++)
        {
            IReadOnlyList<VoteRequest> one = [votes[i]];
            outcomes[i] = await writer.CommitBatchAsync(disputeId, 1, write => ApplyAsync(write, one), DisputeChanges.Tally)
                is BatchResult.Committed alone
                ? alone.Outcomes[0]
                : DisputeWrite.CouldNotSave;
        }
        return outcomes;
    }

    private async Task<Outcome[]> ApplyAsync(DisputeWrite write, IReadOnlyList<VoteRequest> votes)
    {
        var (db, dispute, now) = (write.Db, write.Dispute, write.Now);
        var ids = votes.Select(v => v.Actor.UserId).OfType<string>().Distinct().ToList();
        // Standing as it is now, read in this transaction: a suspension, a revoked role or an ended sign-in counts at once.
        var standing = await ForumActors.ReadManyAsync(db, [.. votes.Select(v => v.Actor)], now, CancellationToken.None);
        var current = await db.FaultVotes.Where(v => v.DisputeId == dispute.Id && ids.Contains(v.VoterId))
            .ToDictionaryAsync(v => v.VoterId);
        var recent = await limiter.RecentAsync(db, ids, WriteAction.Vote, now, CancellationToken.None);

        var moves = new int[4];
        var outcomes = new Outcome[votes.Count];
        for (var i = 0; i < votes.Count; i++)
        {
            var me = standing[i];
            var option = votes[i].Option;
            if (guardian.CanVote(me, dispute) is { Allowed: false } no)
            {
                outcomes[i] = no.AsOutcome();
                continue;
            }
            // One row per member: a repeat (double click, second tab, twice in this batch) changes nothing; the unique
            // index (dispute, voter) is the backstop should anything bypass the dispute's lock.
            var vote = current.GetValueOrDefault(me.UserId!);
            if (vote?.Option == option)
            {
                outcomes[i] = Outcome.Ok;
                continue;
            }
            if (limiter.CheckAndRecord(db, recent, me.UserId!, WriteAction.Vote, now) is { Allowed: false } slow)
            {
                outcomes[i] = slow.AsOutcome();
                continue;
            }
            if (vote is null)
            {
                current[me.UserId!] = vote = new FaultVote { DisputeId = dispute.Id, VoterId = me.UserId!, Option = option, CastAt = now };
                db.FaultVotes.Add(vote);
            }
            else
            {
                moves[(int)vote.Option]--;
                (vote.Option, vote.CastAt) = (option, now);
            }
            moves[(int)option]++;
            outcomes[i] = Outcome.Ok;
        }

        if (moves.Any(m => m != 0))
        {
            await FaultCounters.MoveAsync(db, dispute.Id, new FaultTally(moves[(int)FaultOption.ClaimantAtFault],
                moves[(int)FaultOption.RespondentAtFault], moves[(int)FaultOption.Both], moves[(int)FaultOption.Neither]),
                CancellationToken.None);
        }
        return outcomes;
    }

    private sealed record VoteRequest(ForumActor Actor, FaultOption Option);
}
