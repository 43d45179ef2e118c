using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>Something other features add to the record when voting closes (the frozen verdict), in the same transaction.</summary>
public interface IDisputeClosing
{
    Task OnClosingAsync(ForumDbContext db, Dispute dispute, DateTime at, CancellationToken ct);
}

/// <summary>
/// The shape of every write on a dispute, for every feature: one transaction; due deadlines applied first (and
/// kept even if the action is refused, since they are facts); the guardian asked about the dispute as it stands
/// at <c>now</c>; then the change; then, after the commit, the event every open page of the dispute listens to.
/// </summary>
public sealed partial class DisputeWriter(
    IDbContextFactory<ForumDbContext> dbFactory,
    TimelineWriter timeline,
    IOptions<DisputeOptions> options,
    IDisputeEvents events,
    IEnumerable<IDisputeClosing> closings,
    ILogger<DisputeWriter> logger)
{
    /// <param name="clock">The caller's clock, read once the lock is held: a write that waited for the lock is judged
    /// against the deadline as it stands when it runs, not when it was asked for.</param>
    public Task<Outcome> WriteAsync(ForumActor actor, int disputeId, TimeProvider clock, Func<ForumActor, Dispute, Decision> permission,
        Func<ForumDbContext, Dispute, Task<Outcome>> change, DisputeChanges changes, CancellationToken ct) =>
        WriteAsync(actor, disputeId, clock,
            (db, current, dispute) => permission(current, dispute) is { Allowed: false } no ? Task.FromResult(no.AsOutcome()) : change(db, dispute),
            changes, ct);

    /// <summary>
    /// The same, for a change that needs more than the dispute to decide whether it is allowed (a moderated item's state):
    /// it gets the actor as re-read in the transaction and asks the guardian itself before altering anything.
    /// </summary>
    public async Task<Outcome> WriteAsync(ForumActor actor, int disputeId, TimeProvider clock,
        Func<ForumDbContext, ForumActor, Dispute, Task<Outcome>> change, DisputeChanges changes, CancellationToken ct) =>
        (await CommitAsync(disputeId, clock, 1, async (db, dispute, now) =>
        {
            // The actor's standing as it is now, read in this transaction: a suspension or a revoked role counts at
            // once, whatever the page that sent the action still shows.
            var current = await Accounts.ForumActors.ReadAsync(db, actor, now, ct);
            return [await change(db, current, dispute)];
        }, changes, ct))![0];

    /// <summary>
    /// <paramref name="count"/> writes on one dispute in one transaction and one durable commit: <paramref name="change"/>
    /// judges and applies each (a refusal refuses only its own write, before altering anything) and returns their outcomes,
    /// which the callers see only after the commit. Null when a batch of several hit a database constraint and was rolled
    /// back whole, so the caller can retry the writes one by one.
    /// </summary>
    public async Task<Outcome[]?> CommitAsync(int disputeId, TimeProvider clock, int count,
        Func<ForumDbContext, Dispute, DateTime, Task<Outcome[]>> change, DisputeChanges changes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Take the dispute's row lock before reading anything: writers on one dispute then queue on every provider
        // (SQLite's BEGIN IMMEDIATE already serializes; SQL Server's READ COMMITTED would not), so the hash chain
        // and the counters are always extended from what the previous writer committed.
        if (await db.Disputes.Where(d => d.Id == disputeId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version + 1), ct) == 0)
            return [.. Enumerable.Repeat(Outcome.NotFound("This dispute does not exist."), count)];
        var dispute = await db.Disputes.SingleAsync(d => d.Id == disputeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var moved = false;
        foreach (var transition in DisputeLifecycle.Due(dispute, now, options.Value.VotingWindow))
        {
            DisputeLifecycle.Apply(dispute, transition, options.Value.VotingWindow);
            await timeline.AppendAsync(db, dispute.Id, transition.At, ForumActor.Anonymous, TimelineKind.StatusChanged, transition.Summary, ct: ct);
            if (transition.To == DisputeStatus.Closed)
            {
                foreach (var closing in closings) await closing.OnClosingAsync(db, dispute, transition.At, ct);
            }
            moved = true;
        }

        Outcome[] outcomes;
        try
        {
            outcomes = await change(db, dispute, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Under the lock no other writer of this dispute can collide, so this is a constraint the lock cannot
            // rule out (or a bug): logged, nothing saved, and the user keeps their text.
            LogRefusedWrite(logger, disputeId, ex);
            if (count > 1) return null;
            return [Outcome.Refused("This change could not be saved. Reload and try again; your text is kept.")];
        }

        var published = (outcomes.Any(o => o.Succeeded) ? changes : DisputeChanges.None) | (moved ? DisputeChanges.All : DisputeChanges.None);
        if (published != DisputeChanges.None) events.Publish(new DisputeChanged(disputeId, published, dispute.Version));
        return outcomes;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write on dispute {DisputeId} hit a database constraint and was rolled back.")]
    private static partial void LogRefusedWrite(ILogger logger, int disputeId, Exception exception);
}
