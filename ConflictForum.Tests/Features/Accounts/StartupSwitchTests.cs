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

    [Fact]
    public async Task Outside_development_the_server_refuses_to_start_without_its_public_address()
    {
        using var data = new TempFolder();

        var (exitCode, output) = await RunAppAsync(data.Path, ["--urls", "http://127.0.0.1:0"],
            new() { ["Site__PublicUrl"] = null, ["Email__Delivery"] = "PickupFolder" });

        Assert.True(exitCode != 0, output);
        Assert.Contains("Site:PublicUrl is not set", output, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output)> RunAppAsync(string dataFolder, params string[] args) =>
        RunAppAsync(dataFolder, args, []);

    /// <param name="environment">Variables to set (null: to remove) over what an operator sets outside Development.</param>
    private static async Task<(int ExitCode, string Output)> RunAppAsync(string dataFolder, string[] args,
        Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // What an operator sets outside Development (the app refuses to serve without a public address).
            Environment =
            {
                ["DataFolder"] = dataFolder, ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Site__PublicUrl"] = "https://forum.example.test/",
            },
        };
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ConflictForum.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Still running (a server that should have refused to start): stop it, and report that it ran.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (0, "Still running after a minute.\n" + await stdout + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
