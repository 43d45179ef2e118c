using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConflictForum.Features.Moderation;

/// <summary>
/// One moderation write on one item, under the lock of what the item belongs to: its dispute's, through the dispute's
/// writer (the decision then goes on the dispute's timeline too, and out to its open pages), or an organisation's own row.
/// Either way the actor is re-read in the transaction, and the guardian is asked the question that fits the item.
/// </summary>
internal sealed class ModerationWrite : IAsyncDisposable
{
    private readonly DisputeWrite? onDispute;
    private readonly IDbContextTransaction? tx;
    private readonly CancellationToken ct;
    private readonly DisputeWriter? writer;
    private readonly int organisationId;

    private ModerationWrite(DisputeWrite write)
    {
        onDispute = write;
        (Db, Found) = (write.Db, write.Found);
        if (Found) (Actor, Now, Dispute) = (write.Actor, write.Now, write.Dispute);
    }

    private ModerationWrite(ForumDbContext db, IDbContextTransaction tx, ForumActor actor, DateTime now, bool found,
        DisputeWriter writer, int organisationId, CancellationToken ct) =>
        (Db, this.tx, Actor, Now, Found, this.writer, this.organisationId, this.ct) =
        (db, tx, actor, now, found, writer, organisationId, ct);

    public static async Task<ModerationWrite> BeginAsync(DisputeWriter writer, IDbContextFactory<ForumDbContext> dbFactory,
        TimeProvider clock, ForumActor actor, ContentItem item, CancellationToken ct)
    {
        if (item.DisputeId is { } disputeId) return new(await writer.BeginAsync(actor, disputeId, ct));
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var tx = await db.Database.BeginTransactionAsync(ct);
            // A write to the organisation's row takes its lock (SQLite's immediate transaction holds the whole database):
            // flags and decisions on it then queue, so the count that hides it automatically is taken once, in turn.
            var found = await db.Organisations.Where(o => o.Id == item.ItemId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, o => o.Name), ct) > 0;
            var now = clock.GetUtcNow().UtcDateTime;
            return new(db, tx, await ForumActors.ReadAsync(db, actor, now, ct), now, found, writer, (int)item.ItemId, ct);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>False when the item's dispute or organisation is gone: nothing else here is set.</summary>
    public bool Found { get; }

    public ForumDbContext Db { get; }

    /// <summary>The actor's standing as re-read in this transaction.</summary>
    public ForumActor Actor { get; } = ForumActor.Anonymous;

    public DateTime Now { get; }

    /// <summary>The item's dispute, tracked; null for an organisation.</summary>
    public Dispute? Dispute { get; }

    public Decision CanFlag(ForumGuardian guardian, ContentItem item) =>
        Dispute is { } dispute ? guardian.CanFlag(Actor, item.AuthorId, dispute)
        : guardian.CanFlagOrganisation(Actor, (int)item.ItemId, item.AuthorId);

    /// <summary>Whether the actor may moderate the item, with whom they are in a dispute read in this transaction.</summary>
    public async Task<Decision> CanModerateAsync(ForumGuardian guardian, ContentItem item) =>
        Dispute is { } dispute
            ? guardian.CanModerate(Actor, dispute, item.AuthorId, await Opponents.AreAsync(Db, Actor.UserId, item.AuthorId, ct))
            : guardian.CanModerateOrganisation(Actor, (int)item.ItemId, item.AuthorId,
                await Opponents.AreWithOrganisationAsync(Db, Actor.UserId, (int)item.ItemId, item.AuthorId, ct));

    /// <summary>
    /// Saves and commits; a dispute's open pages are told. An organisation hidden or shown again changes how every dispute
    /// against it reads (its name, its agents' signatures): each of them moves on a version, so no page or shared drawing
    /// keeps the name as it was.
    /// </summary>
    public async Task<Outcome> CommitAsync()
    {
        if (onDispute is not null) return await onDispute.CommitAsync(DisputeChanges.All);
        var shownOrHidden = Db.ChangeTracker.Entries<ModeratedItem>().Any(e => e.Property(m => m.HiddenAt).IsModified
            || (e.State == EntityState.Added && e.Entity.HiddenAt is not null));
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A constraint the lock cannot rule out: nothing is saved (disposing rolls the transaction back).
            return DisputeWrite.CouldNotSave;
        }
        await tx!.CommitAsync(ct);
        if (shownOrHidden) await RereadDisputesAsync();
        return Outcome.Ok;
    }

    private async Task RereadDisputesAsync()
    {
        var disputes = await Db.Disputes.Where(d => d.RespondentOrganisationId == organisationId).Select(d => d.Id).ToListAsync(ct);
        foreach (var id in disputes)
        {
            await using var write = await writer!.BeginAsync(Actor, id, CancellationToken.None);
            if (write.Found) await write.CommitAsync(DisputeChanges.All);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (onDispute is not null)
        {
            await onDispute.DisposeAsync();
            return;
        }
        await tx!.DisposeAsync(); // rolls back what was not committed
        await Db.DisposeAsync();
    }
}
