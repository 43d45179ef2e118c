using System.Collections.Concurrent;
using ConflictForum.Platform;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Group commit for hot writes (fault votes): requests on one dispute that arrive while its previous batch is committing
/// wait together and go in the next batch, one transaction and one fsync for all of them. Each caller's task completes
/// with its own outcome only after that commit, so an acknowledged write is a durable write. A lone request goes at once:
/// nothing waits on a timer.
/// </summary>
/// <param name="commit">Commits one batch of one dispute and returns each request's outcome, in order.</param>
public sealed class GroupCommit<TRequest>(Func<int, IReadOnlyList<TRequest>, Task<Outcome[]>> commit)
{
    /// <summary>Enough to amortize the commit; small enough that one transaction stays short.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentDictionary<int, Lane> lanes = new();

    public Task<Outcome> SubmitAsync(int disputeId, TRequest request)
    {
        var pending = new Pending(request, new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously));
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
                var outcomes = await commit(disputeId, [.. batch.Select(p => p.Request)]);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(outcomes[i]);
            }
            catch (Exception ex)
            {
                foreach (var pending in batch) pending.Done.TrySetException(ex);
            }
        }
    }

    private sealed class Lane
    {
        public List<Pending> Queue { get; set; } = [];

        public bool Draining { get; set; }
    }

    private sealed record Pending(TRequest Request, TaskCompletionSource<Outcome> Done);
}
