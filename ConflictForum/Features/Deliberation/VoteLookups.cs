using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// Members' own votes, read together: after each change of a tally every open member's page of the dispute asks for its
/// reader's vote, which would be a query per open page. Lookups that arrive while a query of that dispute is under way
/// wait for it and then go out as one query for all their voters. A lookup joins only a batch not yet sent, so every
/// answer is read after it was asked for (it sees every vote committed before).
/// </summary>
public sealed class VoteLookups(IDbContextFactory<ForumDbContext> dbFactory)
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, Batch> waiting = [];
    private readonly HashSet<int> running = [];

    /// <returns>The member's vote on the dispute as of now; null when they have not voted.</returns>
    public async Task<FaultOption?> OfAsync(int disputeId, string voterId)
    {
        Batch batch;
        bool send;
        lock (gate)
        {
            if (!waiting.TryGetValue(disputeId, out batch!)) waiting[disputeId] = batch = new Batch();
            batch.Voters.Add(voterId);
            send = running.Add(disputeId); // nothing under way for this dispute: this batch goes now
            if (send) waiting.Remove(disputeId);
        }
        if (send) _ = SendAsync(disputeId, batch);
        var votes = await batch.Done.Task;
        return votes.TryGetValue(voterId, out var option) ? option : null;
    }

    /// <summary>Sends <paramref name="batch"/>, then the one that gathered meanwhile, until none is waiting.</summary>
    private async Task SendAsync(int disputeId, Batch batch)
    {
        await Task.Yield(); // the caller goes on to wait; the query runs off its stack
        while (true)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                var voters = batch.Voters.ToList();
                batch.Done.SetResult(await db.FaultVotes.AsNoTracking().Where(v => v.DisputeId == disputeId && voters.Contains(v.VoterId))
                    .ToDictionaryAsync(v => v.VoterId, v => v.Option));
            }
            catch (Exception ex)
            {
                batch.Done.SetException(ex); // each page's reload fails alone and waits for the next change
            }
            lock (gate)
            {
                if (!waiting.Remove(disputeId, out batch!))
                {
                    running.Remove(disputeId);
                    return;
                }
            }
        }
    }

    private sealed class Batch
    {
        public HashSet<string> Voters { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource<Dictionary<string, FaultOption>> Done { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
