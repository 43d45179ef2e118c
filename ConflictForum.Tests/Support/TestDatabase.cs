using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Support;

/// <summary>A real SQLite file in a temp folder, built by the real migrations through the app's own registration.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempFolder folder = new();
    private readonly ServiceProvider services;

    private TestDatabase()
    {
        FilePath = folder.File("forum.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Forum"] = $"Data Source={FilePath}" })
            .Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddForumDatabase()
            .BuildServiceProvider();
    }

    public string FilePath { get; }

    public IDbContextFactory<ForumDbContext> Contexts => services.GetRequiredService<IDbContextFactory<ForumDbContext>>();

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await DatabaseSetup.MigrateAsync(database.services);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
