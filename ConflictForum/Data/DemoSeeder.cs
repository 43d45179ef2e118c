using System.Security.Cryptography;
using ConflictForum.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Data;

/// <summary>
/// Development only, on an empty database: demo members to sign in as. Their shared password is made at random on
/// the first start and written to <c>demo-accounts.txt</c> in the data folder, so no password lives in the code.
/// </summary>
public static partial class DemoSeeder
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeded {Count} demo accounts; their password is {Password} (also in {File}).")]
    private static partial void LogSeeded(ILogger logger, int count, string password, string file);

    private static readonly (string DisplayName, string Email, string? Role)[] Accounts =
    [
        ("Dana Whitfield", "dana@demo.conflictforum.local", null),
        ("Northwind Appliances", "support@demo.conflictforum.local", null),
        ("Sam Okafor", "sam@demo.conflictforum.local", null),
        ("Priya Raman", "priya@demo.conflictforum.local", null),
        ("Morgan Reyes", "moderator@demo.conflictforum.local", ForumRoles.Moderator),
        ("Alex Chen", "admin@demo.conflictforum.local", ForumRoles.Admin),
    ];

    public static async Task SeedAsync(IServiceProvider services, string dataFolder, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        if (await users.Users.AnyAsync()) return;

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var password = "demo-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        foreach (var (displayName, email, role) in Accounts)
        {
            var user = new ForumUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                DisplayName = displayName, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            if (role is not null) await users.AddToRoleAsync(user, role);
        }

        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, "demo-accounts.txt");
        string[] header = ["Demo accounts (Development only). Every account uses the password below.", $"password: {password}", ""];
        await File.WriteAllLinesAsync(file,
            header.Concat(Accounts.Select(a => $"{a.Email}  {a.DisplayName}{(a.Role is null ? "" : $"  [{a.Role}]")}")));
        LogSeeded(logger, Accounts.Length, password, file);
    }
}
