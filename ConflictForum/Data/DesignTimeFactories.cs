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

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerForumDbContext>
{
    public SqlServerForumDbContext CreateDbContext(string[] args) =>
        new(Configure(new DbContextOptionsBuilder<SqlServerForumDbContext>()));

    private static DbContextOptions<SqlServerForumDbContext> Configure(DbContextOptionsBuilder<SqlServerForumDbContext> options)
    {
        DatabaseSetup.ConfigureSqlServer(options,
            "Server=(design-time);Database=ConflictForum;Integrated Security=true;TrustServerCertificate=true");
        return options.Options;
    }
}
