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

/// <summary>One write on a dispute: who asks, the change (which asks the guardian first), and what it changes on open pages.</summary>
public sealed record DisputeWrite(ForumActor Actor, Func<ForumDbContext, ForumActor, Dispute, Task<Outcome>> Change, DisputeChanges Changes);

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
        (await WriteBatchAsync(disputeId, clock, [new DisputeWrite(actor, change, changes)], ct))![0];

    /// <summary>
    /// Several writes on one dispute in one transaction and one durable commit (group commit): each is judged and applied
    /// as if alone, in order, seeing the ones before it; a refusal refuses only its own write. Returns each write's
    /// outcome, all settled only after the commit; or null when the batch hit a database constraint and was rolled back
    /// whole, so the caller can retry the writes one by one.
    /// </summary>
    public async Task<Outcome[]?> WriteBatchAsync(int disputeId, TimeProvider clock, IReadOnlyList<DisputeWrite> writes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Take the dispute's row lock before reading anything: writers on one dispute then queue on every provider
        // (SQLite's BEGIN IMMEDIATE already serializes; SQL Server's READ COMMITTED would not), so the hash chain
        // and the counters are always extended from what the previous writer committed.
        if (await db.Disputes.Where(d => d.Id == disputeId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version + 1), ct) == 0)
            return [.. writes.Select(_ => Outcome.NotFound("This dispute does not exist."))];
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

        var outcomes = new Outcome[writes.Count];
        var published = moved ? DisputeChanges.All : DisputeChanges.None;
        try
        {
            for (var i = 0; i < writes.Count; i++)
            {
                // The actor's standing as it is now, read in this transaction: a suspension or a revoked role counts at
                // once, whatever the page that sent the action still shows.
                var actor = await Accounts.ForumActors.ReadAsync(db, writes[i].Actor.UserId, now, ct);
                // A change refuses before it alters anything, so a refusal leaves nothing of its own behind.
                outcomes[i] = await writes[i].Change(db, actor, dispute);
                await db.SaveChangesAsync(ct); // not durable yet: the writes after this one see it, the commit makes all durable
                if (outcomes[i].Succeeded) published |= writes[i].Changes;
            }
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Under the lock no other writer of this dispute can collide, so this is a constraint the lock cannot
            // rule out (or a bug): logged, nothing saved, and the user keeps their text.
            LogRefusedWrite(logger, disputeId, ex);
            if (writes.Count > 1) return null;
            return [Outcome.Refused("This change could not be saved. Reload and try again; your text is kept.")];
        }

        if (published != DisputeChanges.None) events.Publish(new DisputeChanged(disputeId, published, dispute.Version));
        return outcomes;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write on dispute {DisputeId} hit a database constraint and was rolled back.")]
    private static partial void LogRefusedWrite(ILogger logger, int disputeId, Exception exception);
}
