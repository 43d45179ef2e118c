using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Data;

/// <summary>
/// A vote batch's new rows go in multi-row INSERTs (<see cref="RowInserts"/>): each must be stored exactly as SaveChanges stores
/// the same row, and a row that breaks a constraint must fail the way SaveChanges fails.
/// </summary>
public sealed class RowInsertsTests : ForumAppTest
{
    private static readonly Type[] Types = [typeof(FaultVote), typeof(WriteEvent), typeof(WriteGate)];

    private ForumDbContext NewContext() =>
        App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContext();

    [Fact]
    public async Task Rows_are_stored_as_SaveChanges_stores_them_across_several_statements()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var at = new DateTime(2026, 12, 7, 6, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        var voters = new List<ForumActor>();
        for (var i = 0; i < 70; i++) voters.Add(await MemberAsync($"Bulk Voter {i}")); // more rows than one statement holds

        await using (var db = NewContext())
        {
            // The first voter's rows through SaveChanges, the others' through RowInserts.
            Add(db, d.DisputeId, voters[0], 0, at);
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 1; i < voters.Count; i++) Add(db, d.DisputeId, voters[i], i, at);
            await RowInserts.InsertAddedAsync(db, Types, CancellationToken.None);
            Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);
            await db.SaveChangesAsync(); // nothing left to insert twice
            await tx.CommitAsync();
        }

        await using var read = NewContext();
        var stored = await read.Database.SqlQueryRaw<StoredVote>(
                """SELECT "VoterId", "Option", "CastAt" FROM "FaultVotes" WHERE "DisputeId" = {0} ORDER BY "Id" """, d.DisputeId)
            .ToListAsync();
        Assert.Equal(voters.Select(v => v.UserId), stored.Select(s => s.VoterId));
        // The same text for the same values, whichever way the row went in: the option's name, the time to the tick.
        Assert.All(stored, s => Assert.Equal(stored[0].CastAt, s.CastAt));
        Assert.Equal(Enum.GetValues<FaultOption>().Select(o => o.ToString()), stored.Take(4).Select(s => s.Option));
        var votes = await read.FaultVotes.Where(v => v.DisputeId == d.DisputeId).OrderBy(v => v.Id).ToListAsync();
        Assert.All(votes, v => Assert.Equal(at, v.CastAt));
        var ids = voters.Select(v => v.UserId!).ToList();
        Assert.Equal(voters.Count,
            await read.WriteEvents.CountAsync(w => ids.Contains(w.UserId) && w.Action == WriteAction.Vote && w.At == at));
        Assert.Equal(voters.Count, await read.WriteGates.CountAsync(g => ids.Contains(g.UserId) && g.Writes == 1));
    }

    [Fact]
    public async Task A_row_that_breaks_a_constraint_fails_as_SaveChanges_fails_and_the_rolled_back_write_leaves_nothing()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var voter = await MemberAsync("Twice");
        var at = DateTime.UtcNow;

        await using (var db = NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            Add(db, d.DisputeId, voter, 0, at);
            // The same member's vote on the same dispute again: the unique index refuses the statement.
            db.FaultVotes.Add(new FaultVote { DisputeId = d.DisputeId, VoterId = voter.UserId!, Option = FaultOption.Both, CastAt = at });
            await Assert.ThrowsAsync<DbUpdateException>(() => RowInserts.InsertAddedAsync(db, Types, CancellationToken.None));
            await tx.RollbackAsync();
        }

        await using var read = NewContext();
        Assert.False(await read.FaultVotes.AnyAsync(v => v.VoterId == voter.UserId));
        Assert.False(await read.WriteEvents.AnyAsync(w => w.UserId == voter.UserId));
        Assert.False(await read.WriteGates.AnyAsync(g => g.UserId == voter.UserId));
    }

    private static void Add(ForumDbContext db, int disputeId, ForumActor voter, int i, DateTime at)
    {
        db.FaultVotes.Add(new FaultVote { DisputeId = disputeId, VoterId = voter.UserId!, Option = (FaultOption)(i % 4), CastAt = at });
        db.WriteEvents.Add(new WriteEvent { UserId = voter.UserId!, Action = WriteAction.Vote, At = at });
        db.WriteGates.Add(new WriteGate { UserId = voter.UserId!, Writes = 1 });
    }

    private sealed record StoredVote(string VoterId, string Option, string CastAt);
}
