using System.Collections.Concurrent;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// Fault votes under a storm, committed in groups: votes on one dispute that arrive while its previous batch is committing
/// wait together in its lane and go in the next batch, one transaction and one fsync for all of them. A lone vote goes at
/// once: nothing waits on a timer. The batch is applied set-wise: the voters' standing, their current votes and their
/// recent writes in one query each, every vote judged on its own in memory, the counters moved by one statement. Each
/// caller is acknowledged with its own outcome only after that commit, so an acknowledged vote is a durable vote.
/// </summary>
public sealed class FaultVoteCommit(DisputeWriter writer, ForumGuardian guardian, WriteLimiter limiter)
{
    /// <summary>Enough to amortize the commit; small enough that one transaction stays short.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentDictionary<int, Lane> lanes = new();

    public Task<Outcome> CastAsync(ForumActor actor, int disputeId, FaultOption option)
    {
        var pending = new Pending(new VoteRequest(actor, option),
            new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        var lane = lanes.GetOrAdd(disputeId, _ => new Lane());
        bool lead;
        lock (lane)
        {
            lane.Queue.Add(pending);
            lead = !lane.Draining;
            lane.Draining = true;
        }
        if (lead) _ = DrainAsync(disputeId, lane);
        return pending.Done.Task;
    }

    /// <summary>Commits batches until the lane is empty; the caller who found it idle runs this, everyone else just waits.</summary>
    private async Task DrainAsync(int disputeId, Lane lane)
    {
        while (true)
        {
            List<Pending> batch;
            lock (lane)
            {
                if (lane.Queue.Count == 0)
                {
                    lane.Draining = false;
                    return;
                }
                batch = lane.Queue.Count <= MaxBatch ? lane.Queue : lane.Queue[..MaxBatch];
                lane.Queue = lane.Queue.Count <= MaxBatch ? [] : lane.Queue[MaxBatch..];
            }
            try
            {
                var outcomes = await CommitAsync(disputeId, [.. batch.Select(p => p.Vote)]);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(outcomes[i]);
            }
            catch (Exception ex)
            {
                foreach (var pending in batch) pending.Done.TrySetException(ex);
            }
        }
    }

    /// <returns>Each vote's outcome, in order.</returns>
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
            await DeliberationService.MoveFaultCountersAsync(db, dispute.Id, new FaultTally(moves[(int)FaultOption.ClaimantAtFault],
                moves[(int)FaultOption.RespondentAtFault], moves[(int)FaultOption.Both], moves[(int)FaultOption.Neither]),
                CancellationToken.None);
        }
        return outcomes;
    }

    private sealed record VoteRequest(ForumActor Actor, FaultOption Option);

    /// <summary>One dispute's votes waiting for the commit under way; <see cref="Draining"/> while a caller commits them.</summary>
    private sealed class Lane
    {
        public List<Pending> Queue { get; set; } = [];

        public bool Draining { get; set; }
    }

    private sealed record Pending(VoteRequest Vote, TaskCompletionSource<Outcome> Done);
}
