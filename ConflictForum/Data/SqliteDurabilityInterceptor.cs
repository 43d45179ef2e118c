using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConflictForum.Data;

/// <summary>
/// synchronous and busy_timeout are per connection in SQLite, so every opened connection gets them:
/// FULL makes a commit durable across power loss in WAL mode; the timeout queues writers instead of failing them.
/// </summary>
internal sealed class SqliteDurabilityInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private readonly string pragmas = $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={busyTimeoutMs};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection,
        ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
