using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConflictForum.Tests.Support;

/// <summary>Counts the reads sent while <see cref="CountAsync"/> runs, in its own flow only (tests run in parallel).</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<int[]?> counting = new();

    public async Task<(T Result, int Queries)> CountAsync<T>(Func<Task<T>> read)
    {
        var count = new int[1];
        counting.Value = count;
        try
        {
            return (await read(), count[0]);
        }
        finally
        {
            counting.Value = null;
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (counting.Value is { } count) Interlocked.Increment(ref count[0]);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (counting.Value is { } count) Interlocked.Increment(ref count[0]);
        return ValueTask.FromResult(result);
    }
}
