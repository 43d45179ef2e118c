using System.Data.Common;
using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// One write on a dispute, opened by <see cref="DisputeWriter.BeginAsync"/>: the dispute under its row lock with its due
/// deadlines applied, the actor as the database has them now, and the moment the write runs. The service asks the guardian,
/// changes rows through <see cref="Db"/> and ends with <see cref="CommitAsync"/>; a write disposed without a commit (a
/// refusal) rolls back its own changes but keeps the deadlines it applied, since they are facts.
/// </summary>
public sealed class DisputeWrite : IAsyncDisposable
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
        if (await SaveAsync() is { Succeeded: false } failed) return failed;
        ended = true;
        await tx.CommitAsync(ct);
        writer!.Publish(Dispute.Id, changes | (deadlinesMoved ? DisputeChanges.All : DisputeChanges.None), Dispute.Version);
        return Outcome.Ok;
    }

    private async Task<Outcome> RollBackAsync(DbUpdateException ex)
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
