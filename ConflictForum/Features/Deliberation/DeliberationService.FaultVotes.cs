using System.Collections.Concurrent;
using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// Fault votes: cast, changed and withdrawn; the four counters on the dispute's row, which move only here; and the tally
/// read from them, as each viewer may see it.
/// </summary>
/// <remarks>
/// Under a storm, votes are committed in groups: votes on one dispute that arrive while its previous batch is committing
/// wait together in its lane and go in the next batch, one transaction and one fsync for all of them. A lone vote goes at
/// once: nothing waits on a timer. The batch is applied set-wise: the voters' standing, their current votes and their
/// recent writes in one query each, every vote judged on its own in memory, the counters moved by one statement. Each
/// caller is acknowledged with its own outcome only after that commit, so an acknowledged vote is a durable vote.
/// </remarks>
public sealed partial class DeliberationService
{
    /// <summary>Enough to amortize the commit; small enough that one transaction stays short.</summary>
    public const int MaxVoteBatch = 256;

    private static readonly Type[] BatchRows = [typeof(FaultVote), typeof(WriteEvent), typeof(WriteGate)];
    private readonly ConcurrentDictionary<int, Lane> lanes = new();

    /// <summary>Casts or changes the member's fault vote, acknowledged once committed (see the remarks).</summary>
    public Task<Outcome> CastFaultVoteAsync(ForumActor actor, int disputeId, FaultOption option)
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
        if (lead) _ = DrainLaneAsync(disputeId, lane);
        return pending.Done.Task;
    }

    public async Task<Outcome> WithdrawFaultVoteAsync(ForumActor actor, int disputeId, CancellationToken ct = default)
    {
        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound;
        if (guardian.CanVote(write.Actor, write.Dispute) is { Allowed: false } no) return no.AsOutcome();
        var vote = await write.Db.FaultVotes.SingleOrDefaultAsync(v => v.DisputeId == disputeId && v.VoterId == write.Actor.UserId, ct);
        if (vote is null) return Outcome.Invalid(DeliberationRefusals.NotVoted);
        if (await SlowDownAsync(write, WriteAction.Vote, ct) is { } slow) return slow;
        write.Db.FaultVotes.Remove(vote);
        await MoveFaultCountersAsync(write.Db, disputeId, vote.Option, -1, ct);
        write.MovedVotesOf = [vote.VoterId];
        return await write.CommitAsync(DisputeChanges.Tally);
    }

    /// <summary>One row read whatever the number of votes: the counters, never a count over the votes.</summary>
    /// <param name="atLeastVersion">After a change event: its version, so the row read once for every open page serves this one too
    /// (<see cref="DisputeSnapshots"/>), and the reader's vote is read with the other pages' (<see cref="VoteLookups"/>). Null reads
    /// the database afresh.</param>
    public Task<TallyView?> TallyAsync(int disputeId, ForumActor viewer, int? atLeastVersion = null, CancellationToken ct = default) =>
        TallyAsync(disputeId, viewer, atLeastVersion, null, ct);

    /// <summary>
    /// The same, after a change that did not move the reader's own vote (<see cref="DisputeUpdate.MayHaveMovedVoteOf"/>): the
    /// vote their page shows as theirs is taken as it is, and nothing is read for them.
    /// </summary>
    /// <param name="ownVote">The vote the reader's page shows as theirs (what this service last read for them), which the change did
    /// not move.</param>
    public Task<TallyView?> TallyAsync(int disputeId, ForumActor viewer, int atLeastVersion, FaultOption? ownVote,
        CancellationToken ct = default) =>
        TallyAsync(disputeId, viewer, atLeastVersion, new OwnVote(ownVote), ct);

    private async Task<TallyView?> TallyAsync(int disputeId, ForumActor viewer, int? atLeastVersion, OwnVote? known,
        CancellationToken ct)
    {
        var dispute = atLeastVersion is { } version
            ? await snapshots.GetAsync(disputeId, version, ct)
            : await ReadAsync(disputeId, ct);
        if (dispute is null) return null;
        dispute.AsOf(clock.GetUtcNow().UtcDateTime, disputes.Value.VotingWindow);
        if (!viewer.IsSignedIn) return View(dispute, viewer, null); // no per-reader read at all: the common case on a busy dispute
        if (known is { } own) return View(dispute, viewer, own.Option); // another member's vote: this reader's is as shown
        // After a change, every open member's page asks at once: their votes are read together.
        if (atLeastVersion is not null) return View(dispute, viewer, await votes.OfAsync(disputeId, viewer.UserId!).WaitAsync(ct));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var myVote = await db.FaultVotes.Where(v => v.DisputeId == disputeId && v.VoterId == viewer.UserId)
            .Select(v => (FaultOption?)v.Option).SingleOrDefaultAsync(ct);
        return View(dispute, viewer, myVote);
    }

    private async Task<Dispute?> ReadAsync(int disputeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Disputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disputeId, ct);
    }

    private TallyView View(Dispute dispute, ForumActor viewer, FaultOption? myVote)
    {
        var tally = FaultTally.Of(dispute);
        var visible = guardian.CanSeeTallies(viewer, dispute, myVote is not null);
        return new TallyView(tally.Total, visible ? tally : null, visible ? Verdict.Of(tally, voting.Value.Quorum, FaultNames.Of) : null,
            myVote, ForumGuardian.AsShown(guardian.CanVote(viewer, dispute), dispute, "Voting closed"), dispute.FinalVerdict);
    }

    /// <summary>Commits batches until the lane is empty; the caller who found it idle runs this, everyone else just waits.</summary>
    private async Task DrainLaneAsync(int disputeId, Lane lane)
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
                batch = lane.Queue.Count <= MaxVoteBatch ? lane.Queue : lane.Queue[..MaxVoteBatch];
                lane.Queue = lane.Queue.Count <= MaxVoteBatch ? [] : lane.Queue[MaxVoteBatch..];
            }
            try
            {
                var outcomes = await CommitVotesAsync(disputeId, [.. batch.Select(p => p.Vote)]);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(outcomes[i]);
            }
            catch (Exception ex)
            {
                foreach (var pending in batch) pending.Done.TrySetException(ex);
            }
        }
    }

    /// <returns>Each vote's outcome, in order.</returns>
    private async Task<Outcome[]> CommitVotesAsync(int disputeId, IReadOnlyList<VoteRequest> votes)
    {
        if (await writer.CommitBatchAsync(disputeId, votes.Count, write => ApplyVotesAsync(write, votes), DisputeChanges.Tally)
            is BatchResult.Committed batch)
            return batch.Outcomes;
        // A constraint failed somewhere in the batch and nothing was saved: each vote again on its own, so only the one at fault
        // is refused.
        var outcomes = new Outcome[votes.Count];
        for (var i = 0; i < votes.Count; i++)
        {
            IReadOnlyList<VoteRequest> one = [votes[i]];
            outcomes[i] = await writer.CommitBatchAsync(disputeId, 1, write => ApplyVotesAsync(write, one), DisputeChanges.Tally)
                is BatchResult.Committed alone
                ? alone.Outcomes[0]
                : DisputeWrite.CouldNotSave;
        }
        return outcomes;
    }

    private async Task<Outcome[]> ApplyVotesAsync(DisputeWrite write, IReadOnlyList<VoteRequest> votes)
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
        var moved = new List<string>();
        write.MovedVotesOf = moved;
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
            moved.Add(me.UserId!);
            outcomes[i] = Outcome.Ok;
        }

        if (moves.Any(m => m != 0))
            await MoveFaultCountersAsync(db, dispute.Id, new FaultTally(moves[(int)FaultOption.ClaimantAtFault],
                moves[(int)FaultOption.RespondentAtFault], moves[(int)FaultOption.Both], moves[(int)FaultOption.Neither]),
                CancellationToken.None);
        // The batch's new rows (votes, write events, new voters' gates) in a few statements rather than one each.
        await RowInserts.InsertAddedAsync(db, BatchRows, CancellationToken.None);
        return outcomes;
    }

    /// <summary>
    /// Moves one option's fault counter on the dispute's row by <paramref name="delta"/>. The counters move only here, with
    /// <c>ExecuteUpdate</c> in the vote's own transaction (under the dispute's lock), so a recount of the vote rows always
    /// matches them.
    /// </summary>
    internal static Task<int> MoveFaultCountersAsync(ForumDbContext db, int disputeId, FaultOption option, int delta,
        CancellationToken ct) =>
        MoveFaultCountersAsync(db, disputeId, new FaultTally(
            option == FaultOption.ClaimantAtFault ? delta : 0, option == FaultOption.RespondentAtFault ? delta : 0,
            option == FaultOption.Both ? delta : 0, option == FaultOption.Neither ? delta : 0), ct);

    /// <summary>Moves every fault counter by its share of <paramref name="moves"/> in one statement (a batch of votes).</summary>
    internal static Task<int> MoveFaultCountersAsync(ForumDbContext db, int disputeId, FaultTally moves, CancellationToken ct)
    {
        var (claimant, respondent, both, neither) = (moves.ClaimantAtFault, moves.RespondentAtFault, moves.Both, moves.Neither);
        return db.Disputes.Where(d => d.Id == disputeId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.ClaimantAtFaultVotes, d => d.ClaimantAtFaultVotes + claimant)
            .SetProperty(d => d.RespondentAtFaultVotes, d => d.RespondentAtFaultVotes + respondent)
            .SetProperty(d => d.BothAtFaultVotes, d => d.BothAtFaultVotes + both)
            .SetProperty(d => d.NeitherAtFaultVotes, d => d.NeitherAtFaultVotes + neither), ct);
    }

    /// <summary>
    /// Sets the fault counters of a tracked dispute to <paramref name="counted"/> (a recount's repair), saved with its write.
    /// </summary>
    internal static void SetFaultCounters(Dispute dispute, FaultTally counted) =>
        (dispute.ClaimantAtFaultVotes, dispute.RespondentAtFaultVotes, dispute.BothAtFaultVotes, dispute.NeitherAtFaultVotes) =
            (counted.ClaimantAtFault, counted.RespondentAtFault, counted.Both, counted.Neither);

    private sealed record VoteRequest(ForumActor Actor, FaultOption Option);

    /// <summary>One dispute's votes waiting for the commit under way; <see cref="Draining"/> while a caller commits them.</summary>
    private sealed class Lane
    {
        public List<Pending> Queue { get; set; } = [];

        public bool Draining { get; set; }
    }

    private sealed record Pending(VoteRequest Vote, TaskCompletionSource<Outcome> Done);

    /// <summary>A reader's own vote as their page already knows it (null: they have not voted).</summary>
    private readonly record struct OwnVote(FaultOption? Option);
}
