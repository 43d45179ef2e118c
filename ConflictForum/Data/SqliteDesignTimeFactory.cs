using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ConflictForum.Data;

// Used by dotnet-ef (migrations/add.sh) and by the migration tests; neither connects to a server.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteForumDbContext>
{
    public SqliteForumDbContext CreateDbContext(string[] args) =>
        new(Configure(new DbContextOptionsBuilder<SqliteForumDbContext>()));

    private static DbContextOptions<SqliteForumDbContext> Configure(DbContextOptionsBuilder<SqliteForumDbContext> options)
    {
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return options.Options;
    }
}
