using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Opens every write on a dispute, for every feature (<see cref="BeginAsync"/>): one transaction under the dispute's row
/// lock, due deadlines applied first, the actor re-read, the moment it runs. The service then asks the guardian, changes
/// rows and commits through the <see cref="DisputeWrite"/>; after the commit, the event every open page of the dispute
/// listens to goes out.
/// </summary>
public sealed partial class DisputeWriter(
    IDbContextFactory<ForumDbContext> dbFactory,
    TimelineWriter timeline,
    IOptions<DisputeOptions> options,
    IDisputeEvents events,
    IEnumerable<IDisputeClosing> closings,
    TimeProvider clock,
    ILogger<DisputeWriter> logger)
{
    /// <summary>
    /// Takes the dispute's row lock, applies the deadlines that are due and re-reads <paramref name="actor"/>'s standing, all
    /// in one transaction. <see cref="DisputeWrite.Now"/> is read once the lock is held: a write that waited for the lock is
    /// judged against the deadline as it stands when it runs, not when it was asked for.
    /// </summary>
    public async Task<DisputeWrite> BeginAsync(ForumActor actor, int disputeId, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var tx = await db.Database.BeginTransactionAsync(ct);
            // Take the dispute's row lock before reading anything: writers on one dispute then queue on every provider
            // (SQLite's BEGIN IMMEDIATE already serializes; SQL Server's READ COMMITTED would not), so the hash chain
            // and the counters are always extended from what the previous writer committed.
            if (await db.Disputes.Where(d => d.Id == disputeId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version + 1), ct) == 0)
                return DisputeWrite.Missing(db, tx);
            var dispute = await db.Disputes.SingleAsync(d => d.Id == disputeId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var moved = await ApplyDueDeadlinesAsync(db, dispute, now, ct);
            // The deadlines are facts, kept even if the action is then refused: saved before the action's own changes, which
            // a write ended without a commit rolls back to here.
            if (moved) await db.SaveChangesAsync(ct);
            if (tx.SupportsSavepoints) await tx.CreateSavepointAsync(DisputeWrite.AfterDeadlines, ct);
            // The actor's standing as it is now, read in this transaction: a suspension or a revoked role counts at once,
            // whatever the page that sent the action still shows.
            var current = await Accounts.ForumActors.ReadAsync(db, actor, now, ct);
            return new DisputeWrite(this, db, tx, dispute, current, now, moved, ct);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Several writes on one dispute in one transaction and one durable commit (group-committed votes): <paramref name="apply"/>
    /// judges and applies each (a refusal refuses only its own write, before altering anything) and returns their outcomes,
    /// which the callers see only after the commit. <see cref="BatchResult.RolledBack"/> when the batch hit a database
    /// constraint and nothing was saved, so the caller can retry the writes one by one.
    /// </summary>
    public async Task<BatchResult> CommitBatchAsync(int disputeId, int count, Func<DisputeWrite, Task<Outcome[]>> apply,
        DisputeChanges changes)
    {
        // No cancellation: the writes share a transaction, which one caller's leaving must not undo.
        await using var write = await BeginAsync(ForumActor.Anonymous, disputeId, CancellationToken.None);
        if (!write.Found) return new BatchResult.Committed([.. Enumerable.Repeat(DisputeWrite.NotFound, count)]);
        var outcomes = await apply(write);
        var saved = await write.CommitAsync(outcomes.Any(o => o.Succeeded) ? changes : DisputeChanges.None);
        return saved.Succeeded ? new BatchResult.Committed(outcomes) : new BatchResult.RolledBack();
    }

    private async Task<bool> ApplyDueDeadlinesAsync(ForumDbContext db, Dispute dispute, DateTime now, CancellationToken ct)
    {
        var moved = false;
        foreach (var transition in DisputeLifecycle.Due(dispute, now, options.Value.VotingWindow))
        {
            DisputeLifecycle.Apply(dispute, transition, options.Value.VotingWindow);
            await timeline.AppendAsync(db, dispute.Id, transition.At, ForumActor.Anonymous, TimelineKind.StatusChanged,
                transition.Summary, ct: ct);
            if (transition.To == DisputeStatus.Closed)
            {
                foreach (var closing in closings) await closing.OnClosingAsync(db, dispute, transition.At, ct);
            }
            moved = true;
        }
        return moved;
    }

    internal void Publish(int disputeId, DisputeChanges changes, int version)
    {
        if (changes != DisputeChanges.None) events.Publish(new DisputeChanged(disputeId, changes, version));
    }

    internal void LogRefused(int disputeId, Exception exception) => LogRefusedWrite(logger, disputeId, exception);

    internal void LogKeepFailed(int disputeId, Exception exception) => LogDeadlinesNotKept(logger, disputeId, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write on dispute {DisputeId} hit a database constraint and was rolled back.")]
    private static partial void LogRefusedWrite(ILogger logger, int disputeId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A write on dispute {DisputeId} ended without a commit, and keeping its deadlines failed.")]
    private static partial void LogDeadlinesNotKept(ILogger logger, int disputeId, Exception exception);
}
