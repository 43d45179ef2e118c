using System.Diagnostics;
using ConflictForum.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ConflictForum.Tests.Features.Accounts;

/// <summary>The deploy-time switches, run as a real process the way an operator would.</summary>
public sealed class StartupSwitchTests
{
    [Fact]
    public async Task Migrate_only_builds_the_database_in_an_empty_data_folder_and_exits()
    {
        using var data = new TempFolder();

        var (exitCode, output) = await RunAppAsync(data.Path, "--migrate-only");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Database is up to date.", output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={data.File("forum.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.True((long)(await command.ExecuteScalarAsync())! > 0);
    }

    [Fact]
    public async Task Create_admin_for_an_unregistered_address_fails_with_a_reason()
    {
        using var data = new TempFolder();

        var (exitCode, output) = await RunAppAsync(data.Path, "--create-admin", "nobody@example.test");

        Assert.Equal(1, exitCode);
        Assert.Contains("No account uses nobody@example.test. Register it on the site first", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(string dataFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // What an operator sets outside Development (the app refuses to serve without a public address).
            Environment = { ["DataFolder"] = dataFolder, ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Site__PublicUrl"] = "https://forum.example.test/" },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ConflictForum.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
