using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ConflictForum.Data;

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
