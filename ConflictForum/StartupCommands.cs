using ConflictForum.Data;
using ConflictForum.Features.Accounts;

namespace ConflictForum;

/// <summary>
/// The one-shot switches: <c>--migrate-only</c> applies migrations and exits (for deploys);
/// <c>--create-admin EMAIL</c> makes that registered account an Admin and exits.
/// </summary>
public sealed record StartupCommands(bool MigrateOnly, string? CreateAdminEmail, string[] HostArgs)
{
    public static StartupCommands Parse(string[] args)
    {
        var rest = new List<string>();
        bool migrateOnly = false;
        string? adminEmail = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--migrate-only": migrateOnly = true; break;
                case "--create-admin" when i + 1 < args.Length: adminEmail = args[++i]; break;
                case "--create-admin": throw new ArgumentException("--create-admin needs the e-mail of a registered account.");
                default: rest.Add(args[i]); break;
            }
        }
        return new(migrateOnly, adminEmail, [.. rest]);
    }

    /// <summary>Migrates, then runs the switch if one was given. Returns an exit code when the process should stop.</summary>
    public async Task<int?> RunAsync(WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        if (CreateAdminEmail is not null)
        {
            var (succeeded, message) = await AdminBootstrap.PromoteAsync(app.Services, CreateAdminEmail);
            await Console.Out.WriteLineAsync(message);
            return succeeded ? 0 : 1;
        }
        if (MigrateOnly)
        {
            await Console.Out.WriteLineAsync("Database is up to date.");
            return 0;
        }
        if (app.Configuration.GetValue("SeedDemoData", app.Environment.IsDevelopment()))
        {
            await DemoSeeder.SeedAsync(app.Services, DatabaseSetup.DataFolder(app.Configuration, app.Environment), app.Logger);
        }
        return null;
    }
}
