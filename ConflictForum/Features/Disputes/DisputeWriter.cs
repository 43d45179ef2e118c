using System.Data.Common;
using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Opens every write on a dispute, for every feature (<see cref="BeginAsync"/>): one transaction under the dispute's row
/// lock, due deadlines applied first, the actor re-read, the moment it runs. The service then asks the guardian, changes
/// rows and commits through the <see cref="DisputeWrite"/> (below, in this file); after the commit, the event every open page
/// of the dispute listens to goes out.
/// </summary>
public sealed partial class DisputeWriter(
    IDbContextFactory<ForumDbContext> dbFactory,
    TimelineWriter timeline,
    IOptions<DisputeOptions> options,
    IDisputeEvents events,
    IEnumerable<IDisputeClosing> closings,
    IEnumerable<IDisputeDeadlines> deadlines,
    IEnumerable<IDisputeCommitting> committing,
    TimeProvider clock,
    ILogger<DisputeWriter> logger)
{
    /// <summary>
    /// Takes the dispute's row lock, applies the deadlines that are due and re-reads <paramref name="actor"/>'s standing, all
    /// in one transaction. <see cref="DisputeWrite.Now"/> is read once the lock is held: a write that waited for the lock is
    /// judged against the deadline as it stands when it runs, not when it was asked for.
    /// </summary>
    internal async Task<DisputeWrite> BeginAsync(ForumActor actor, int disputeId, CancellationToken ct)
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
            var recorded = dispute.TimelineLength;
            var now = clock.GetUtcNow().UtcDateTime;
            var moved = await ApplyDueDeadlinesAsync(db, dispute, now, ct);
            // The deadlines are facts, kept even if the action is then refused: saved before the action's own changes, which
            // a write ended without a commit rolls back to here.
            if (moved) await db.SaveChangesAsync(ct);
            if (tx.SupportsSavepoints) await tx.CreateSavepointAsync(DisputeWrite.AfterDeadlines, ct);
            // The actor's standing as it is now, read in this transaction: a suspension or a revoked role counts at once,
            // whatever the page that sent the action still shows.
            var current = await Accounts.ForumActors.ReadAsync(db, actor, now, ct);
            // An agent's steps go on the record signed for the organisation they answer for ("Ann for Bolt Couriers").
            current = current with { DisplayName = dispute.SignatureOf(current) };
            return new DisputeWrite(this, db, tx, dispute, current, now, moved, ct) { Recorded = recorded };
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
    internal async Task<BatchResult> CommitBatchAsync(int disputeId, int count, Func<DisputeWrite, Task<Outcome[]>> apply,
        DisputeChanges changes)
    {
        // No cancellation: the writes share a transaction, which one caller's leaving must not undo.
        await using var write = await BeginAsync(ForumActor.Anonymous, disputeId, CancellationToken.None);
        if (!write.Found) return new BatchResult.Committed([.. Enumerable.Repeat(DisputeWrite.NotFound, count)]);
        Outcome[] outcomes;
        try
        {
            outcomes = await apply(write);
        }
        catch (DbUpdateException ex)
        {
            await write.RollBackAsync(ex); // rows the batch inserted itself (RowInserts) broke a constraint
            return new BatchResult.RolledBack();
        }
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
        foreach (var other in deadlines) moved |= await other.ApplyDueAsync(db, dispute, now, ct);
        return moved;
    }

    /// <summary>
    /// Ends the dispute in <paramref name="settlement"/>, agreed by both parties: voting closes with the public's verdict frozen
    /// as it stood, and the terms go on the record under their hash.
    /// </summary>
    internal async Task SettleAsync(DisputeWrite write, Settlement settlement, string summary)
    {
        var (db, dispute, now) = (write.Db, write.Dispute, write.Now);
        dispute.Status = DisputeStatus.Settled;
        dispute.ClosedAt = now;
        settlement.DisputeId = dispute.Id;
        settlement.SettledAt = now;
        db.Settlements.Add(settlement);
        await db.SaveChangesAsync(write.Cancellation); // the settlement's id, for the record
        await timeline.AppendAsync(db, dispute.Id, now, write.Actor, TimelineKind.Settled, summary,
            reference: $"settlement:{settlement.Id}", contentHash: settlement.Terms.Hash, ct: write.Cancellation);
        foreach (var closing in closings) await closing.OnClosingAsync(db, dispute, now, write.Cancellation);
    }

    internal void LogRefused(int disputeId, Exception exception) => LogRefusedWrite(logger, disputeId, exception);

    internal void LogKeepFailed(int disputeId, Exception exception) => LogDeadlinesNotKept(logger, disputeId, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write on dispute {DisputeId} hit a database constraint and was rolled back.")]
    private static partial void LogRefusedWrite(ILogger logger, int disputeId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A write on dispute {DisputeId} ended without a commit, and keeping its deadlines failed.")]
    private static partial void LogDeadlinesNotKept(ILogger logger, int disputeId, Exception exception);
}

/// <summary>
/// One write on a dispute, opened by <see cref="DisputeWriter.BeginAsync"/>: the dispute under its row lock with its due
/// deadlines applied, the actor as the database has them now, and the moment the write runs. The service asks the guardian,
/// changes rows through <see cref="Db"/> and ends with <see cref="CommitAsync"/>; a write disposed without a commit (a
/// refusal) rolls back its own changes but keeps the deadlines it applied, since they are facts.
/// </summary>
internal sealed class DisputeWrite : IAsyncDisposable
{
    internal const string AfterDeadlines = "after_deadlines";

    /// <summary>What a write on a dispute that does not exist comes to.</summary>
    public static readonly Outcome NotFound = Outcome.NotFound("This dispute does not exist.");

    /// <summary>What a write that hit a database constraint comes to: nothing was saved, and the page keeps the text.</summary>
    public static readonly Outcome CouldNotSave =
        Outcome.Refused("This change could not be saved. Reload and try again; your text is kept.");

    private readonly DisputeWriter? writer;
    private readonly IDbContextTransaction tx;
    private readonly bool deadlinesMoved;
    private readonly CancellationToken ct;
    private bool ended;

    internal DisputeWrite(DisputeWriter? writer, ForumDbContext db, IDbContextTransaction tx, Dispute? dispute, ForumActor actor,
        DateTime now,
        bool deadlinesMoved, CancellationToken ct)
    {
        (this.writer, Db, this.tx, Dispute, Actor, Now, this.deadlinesMoved, this.ct) =
            (writer, db, tx, dispute!, actor, now, deadlinesMoved, ct);
        ended = dispute is null;
    }

    internal static DisputeWrite Missing(ForumDbContext db, IDbContextTransaction tx) =>
        new(null, db, tx, null, ForumActor.Anonymous, default, false, default);

    /// <summary>False when the dispute does not exist: return <see cref="NotFound"/>, nothing else here is set.</summary>
    public bool Found => writer is not null;

    /// <summary>This write's context, in the transaction that holds the dispute's lock.</summary>
    public ForumDbContext Db { get; }

    /// <summary>The dispute as it stands now, tracked: changes to it are saved with the commit.</summary>
    public Dispute Dispute { get; }

    /// <summary>The actor's standing as re-read in this transaction (a suspension or revoked role counts at once).</summary>
    public ForumActor Actor { get; }

    /// <summary>The moment this write runs, read once the lock was held.</summary>
    public DateTime Now { get; }

    internal CancellationToken Cancellation => ct;

    /// <summary>The timeline's length when the write began: the entries past it are the ones this write appended.</summary>
    internal int Recorded { get; init; }

    /// <summary>
    /// Whose own fault vote this write moved, said with the change it publishes (<see cref="DisputeChanged.Voters"/>), so open
    /// pages of other members need not read their own vote again; null (the default) says nothing.
    /// </summary>
    internal IReadOnlyList<string>? MovedVotesOf { get; set; }

    /// <summary>
    /// Settles the dispute on <paramref name="settlement"/> (both acceptances set by the caller): voting closes with the
    /// public's verdict frozen, the terms go on the record. Commit afterwards as usual.
    /// </summary>
    public Task SettleAsync(Settlement settlement, string summary) => writer!.SettleAsync(this, settlement, summary);

    /// <summary>
    /// Saves what the write changed, without committing yet (a new row's id for the timeline). A database constraint ends the
    /// write: nothing is saved and <see cref="CouldNotSave"/> comes back.
    /// </summary>
    public async Task<Outcome> SaveAsync()
    {
        try
        {
            await Db.SaveChangesAsync(ct);
            return Outcome.Ok;
        }
        catch (DbUpdateException ex)
        {
            return await RollBackAsync(ex);
        }
    }

    /// <summary>Saves and commits the write, then tells every open page of the dispute what changed.</summary>
    public async Task<Outcome> CommitAsync(DisputeChanges changes)
    {
        var told = await writer!.OnCommittingAsync(this);
        if (await SaveAsync() is { Succeeded: false } failed) return failed;
        ended = true;
        await tx.CommitAsync(ct);
        writer.Publish(Dispute.Id, changes | (deadlinesMoved ? DisputeChanges.All : DisputeChanges.None), Dispute.Version, MovedVotesOf);
        writer.Notify(told);
        return Outcome.Ok;
    }

    internal async Task<Outcome> RollBackAsync(DbUpdateException ex)
    {
        // Under the lock no other writer of this dispute can collide, so this is a constraint the lock cannot rule out
        // (or a bug): logged, nothing saved, and the user keeps their text.
        ended = true;
        writer!.LogRefused(Dispute.Id, ex);
        await tx.RollbackAsync(CancellationToken.None);
        return CouldNotSave;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!ended) await KeepDeadlinesAsync();
        }
        finally
        {
            await tx.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    /// <summary>A write ended without a commit (refused): its own changes go, the deadlines it applied stay.</summary>
    private async Task KeepDeadlinesAsync()
    {
        ended = true;
        try
        {
            if (tx.SupportsSavepoints) await tx.RollbackToSavepointAsync(AfterDeadlines, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        catch (DbException ex)
        {
            writer!.LogKeepFailed(Dispute.Id, ex);
            return;
        }
        writer!.Publish(Dispute.Id, deadlinesMoved ? DisputeChanges.All : DisputeChanges.None, Dispute.Version);
    }
}

/// <summary>What a batch of writes on one dispute came to (<see cref="DisputeWriter.CommitBatchAsync"/>).</summary>
internal abstract record BatchResult
{
    private BatchResult()
    {
    }

    /// <summary>The batch was committed: each write's own outcome, in order (a refusal refused only its own write).</summary>
    public sealed record Committed(Outcome[] Outcomes) : BatchResult;

    /// <summary>A database constraint failed somewhere in the batch and nothing was saved.</summary>
    public sealed record RolledBack : BatchResult;
}
