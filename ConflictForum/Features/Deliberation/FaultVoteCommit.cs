using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
    private readonly WriteLimiter limiter;
    private readonly IOptions<VotingOptions> options;
    private readonly TimeProvider clock;
    private readonly GroupCommit<VoteRequest> lanes;

    public FaultVoteCommit(DisputeWriter writer, WriteLimiter limiter, IOptions<VotingOptions> options, TimeProvider clock)
    {
        (this.writer, this.limiter, this.options, this.clock) = (writer, limiter, options, clock);
        lanes = new GroupCommit<VoteRequest>(CommitAsync);
    }

    public Task<Outcome> CastAsync(ForumActor actor, int disputeId, FaultOption option) => lanes.SubmitAsync(disputeId, new VoteRequest(actor, option));

    private async Task<Outcome[]> CommitAsync(int disputeId, IReadOnlyList<VoteRequest> votes)
    {
        // No cancellation: the votes share a transaction, which one caller's leaving must not undo.
        var outcomes = await writer.CommitAsync(disputeId, clock, votes.Count, (db, dispute, now) => ApplyAsync(db, dispute, now, votes),
            DisputeChanges.Tally, CancellationToken.None);
        if (outcomes is not null) return outcomes;
        // A constraint failed somewhere in the batch and nothing was saved: each vote again on its own, so only the one at fault is refused.
        outcomes = new Outcome[votes.Count];
        for (var i = 0; i < votes.Count; i++)
        {
            IReadOnlyList<VoteRequest> one = [votes[i]];
            outcomes[i] = (await writer.CommitAsync(disputeId, clock, 1, (db, dispute, now) => ApplyAsync(db, dispute, now, one),
                DisputeChanges.Tally, CancellationToken.None))![0];
        }
        return outcomes;
    }

    private async Task<Outcome[]> ApplyAsync(ForumDbContext db, Dispute dispute, DateTime now, IReadOnlyList<VoteRequest> votes)
    {
        var ids = votes.Select(v => v.Actor.UserId).OfType<string>().Distinct().ToList();
        // Standing as it is now, read in this transaction: a suspension, a revoked role or an ended sign-in counts at once.
        var standing = await ForumActors.ReadManyAsync(db, [.. votes.Select(v => v.Actor)], now, CancellationToken.None);
        var current = await db.FaultVotes.Where(v => v.DisputeId == dispute.Id && ids.Contains(v.VoterId)).ToDictionaryAsync(v => v.VoterId);
        var recent = await limiter.RecentAsync(db, ids, WriteAction.Vote, now, CancellationToken.None);

        var moves = new int[4];
        var outcomes = new Outcome[votes.Count];
        for (var i = 0; i < votes.Count; i++)
        {
            var me = standing[i];
            var option = votes[i].Option;
            if (ForumGuardian.CanVote(me, dispute, now, options.Value.MinimumAccountAge) is { Allowed: false } no)
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
            var (claimant, respondent, both, neither) = (moves[(int)FaultOption.ClaimantAtFault], moves[(int)FaultOption.RespondentAtFault],
                moves[(int)FaultOption.Both], moves[(int)FaultOption.Neither]);
            await db.Disputes.Where(d => d.Id == dispute.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimantAtFaultVotes, d => d.ClaimantAtFaultVotes + claimant)
                .SetProperty(d => d.RespondentAtFaultVotes, d => d.RespondentAtFaultVotes + respondent)
                .SetProperty(d => d.BothAtFaultVotes, d => d.BothAtFaultVotes + both)
                .SetProperty(d => d.NeitherAtFaultVotes, d => d.NeitherAtFaultVotes + neither));
        }
        return outcomes;
    }

    private sealed record VoteRequest(ForumActor Actor, FaultOption Option);
}
