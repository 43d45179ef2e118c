using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConflictForum.Data;

/// <summary>
/// Inserts the new rows a write tracks of a few small, append-only entity types in multi-row <c>INSERT</c>s. EF Core's
/// SQLite provider sends one statement per added row, each prepared and run on its own: a batch of 256 new voters' votes paid
/// that 768 times (the vote, its write event, its member's gate). Each row is written as <c>SaveChanges</c> would write it:
/// the model's table and columns, each value through its property's type mapping (value converter included), names quoted by
/// the provider. The rows are then no longer tracked and their store-generated keys are not read back, so only types whose
/// rows nothing reads back in the same write belong here.
/// </summary>
internal static class RowInserts
{
    // SQL Server allows 2,100 parameters a statement; Microsoft.Data.Sqlite checks each of a statement's parameters against
    // every other when it binds them, so a few dozen rows a statement already make the prepare the smaller cost.
    private const int MostParameters = 120;

    /// <summary>
    /// Inserts every added row of <paramref name="types"/> and stops tracking them. A constraint the rows break comes back as
    /// a <see cref="DbUpdateException"/>, as from <c>SaveChanges</c>, with nothing of the failed statement written.
    /// </summary>
    public static async Task InsertAddedAsync(DbContext db, IReadOnlyList<Type> types, CancellationToken ct)
    {
        // One look through what the write tracks (Entries() detects changes first, so each look costs a pass over it all).
        var byType = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && types.Contains(e.Metadata.ClrType))
            .ToLookup(e => e.Metadata.ClrType);
        foreach (var type in types)
        {
            var added = byType[type].ToList();
            if (added.Count == 0) continue;
            var entity = added[0].Metadata;
            var columns = Columns(entity);
            var rowsPerStatement = Math.Max(1, MostParameters / columns.Count);
            foreach (var chunk in added.Chunk(rowsPerStatement)) await InsertAsync(db, entity, columns, chunk, ct);
            foreach (var entry in added) entry.State = EntityState.Detached;
        }
    }

    /// <summary>Every column but a key the database generates; a type with other generated values is not one for this.</summary>
    private static List<IProperty> Columns(IEntityType entity)
    {
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        if (entity.GetProperties().Any(p => p.ValueGenerated != ValueGenerated.Never && !p.IsPrimaryKey()))
            throw new InvalidOperationException($"{entity.DisplayName()} has values the database generates besides its key.");
        return columns;
    }

    private static async Task InsertAsync(DbContext db, IEntityType entity, List<IProperty> columns, EntityEntry[] rows,
        CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)));
        using var command = db.Database.GetDbConnection().CreateCommand(); // only makes the parameters
        var parameters = new List<DbParameter>(rows.Length * columns.Count);
        var values = new List<string>(rows.Length);
        foreach (var row in rows)
        {
            var placeholders = new List<string>(columns.Count);
            foreach (var column in columns)
            {
                // Named as the provider names its own (@p0), and written into the statement as they are.
                var name = sql.GenerateParameterName($"p{parameters.Count}");
                parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, name, row.Property(column).CurrentValue,
                    column.IsNullable));
                placeholders.Add(name);
            }
            values.Add($"({string.Join(", ", placeholders)})");
        }
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES {string.Join(", ", values)}";
        try
        {
            await db.Database.ExecuteSqlRawAsync(text, parameters, ct);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"Inserting {entity.DisplayName()} rows failed.", ex);
        }
    }
}
