using Microsoft.AspNetCore.Identity;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// <c>--create-admin email</c>: makes an existing, registered account an Admin. The person registers through the
/// site first, so no password is ever set, printed or stored by this path.
/// </summary>
public static class AdminBootstrap
{
    public static async Task<(bool Succeeded, string Message)> PromoteAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
            return (false, $"No account uses {email}. Register it on the site first, then run --create-admin again.");
        if (await users.IsInRoleAsync(user, ForumRoles.Admin))
            return (true, $"{user.DisplayName} ({email}) is already an Admin.");

        var result = await users.AddToRoleAsync(user, ForumRoles.Admin);
        // Like a role change on the site: the account's sign-ins end, and the next one carries the role.
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded
            ? (true, $"{user.DisplayName} ({email}) is now an Admin.")
            : (false, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
