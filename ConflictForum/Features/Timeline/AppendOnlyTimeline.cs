using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConflictForum.Features.Timeline;

/// <summary>Refuses any save that would update or delete an <see cref="IAppendOnly"/> row: the record is append-only in code too.</summary>
internal sealed class AppendOnlyTimeline : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        if (context.ChangeTracker.Entries<IAppendOnly>()
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted) is { } entry)
            throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} rows are append-only: they are never updated or deleted.");
    }
}
