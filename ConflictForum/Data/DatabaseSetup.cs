using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ConflictForum.Data;

/// <summary>Provider choice, connection string, SQLite durability pragmas and migrations: the only place with raw SQL.</summary>
public static class DatabaseSetup
{
    /// <summary>
    /// The folder for runtime data (SQLite file, mail drop): <c>DataFolder</c>, default <c>data/</c> under the content root.
    /// </summary>
    public static string DataFolder(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["DataFolder"] ?? "data", environment.ContentRootPath);

    public static WebApplicationBuilder AddForumDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddForumDatabase();
        return builder;
    }

    public static IServiceCollection AddForumDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Features add their own EF interceptors as IInterceptor services (e.g. the append-only timeline).
        // Both providers are registered and the configured one is picked when first resolved, so configuration
        // added after this call (tests, hosting) is honoured. Pooled: a context per operation costs little.
        services.AddPooledDbContextFactory<SqliteForumDbContext>((sp, o) =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString("Forum")
                ?? $"Data Source={Path.Combine(
                    DataFolder(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()), "forum.db")}";
            var busyTimeoutMs = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteBusyTimeoutMs;
            ConfigureSqlite(o, connectionString)
                .AddInterceptors(sp.GetServices<IInterceptor>().Append(new SqliteDurabilityInterceptor(busyTimeoutMs)));
        });
        services.AddPooledDbContextFactory<SqlServerForumDbContext>((sp, o) => ConfigureSqlServer(o,
            sp.GetRequiredService<IConfiguration>().GetConnectionString("Forum")
            ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Forum is not set."))
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<IDbContextFactory<ForumDbContext>>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.SqlServer
                ? new ForumDbContextFactory<SqlServerForumDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerForumDbContext>>())
                : new ForumDbContextFactory<SqliteForumDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteForumDbContext>>()));

        // Identity's stores and the Data Protection key ring take a scoped context; it comes from the same pool.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContext());
        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString);

    public static DbContextOptionsBuilder ConfigureSqlServer(DbContextOptionsBuilder options, string connectionString) =>
        // No retrying execution strategy: services open their own transactions, which it does not allow.
        options.UseSqlServer(connectionString);

    /// <summary>Creates or upgrades the database. SQLite is switched to WAL first (the mode is stored in the file).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
    }
}
