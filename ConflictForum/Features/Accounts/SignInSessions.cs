using System.Security.Claims;
using ConflictForum.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// A sign-in lives as long as its account's security stamp: a password change, a sign-out (on any device), "sign out
/// everywhere else", a suspension or a role change moves the stamp, and every cookie issued before stops working at its
/// next request, copies included.
/// </summary>
internal static class SignInSessions
{
    /// <summary>
    /// Compares the cookie's stamp with the account's on every request: one indexed read of one column, where Identity's
    /// own validator (kept, on its interval, to refresh the claims) would rebuild the whole principal and reissue the cookie.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var services = context.HttpContext.RequestServices;
            var claimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            await using var db = await services.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync(context.HttpContext.RequestAborted);
            var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            if (stamp is null || stamp != context.Principal.FindFirstValue(claimType))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// Ends every sign-in of the account, this one's cookie and any copy of it included. One statement, so it cannot lose
    /// a race with another write on the account (the caller signs out afterwards, or signs in again for a new cookie).
    /// </summary>
    public static Task EndAllAsync(ForumDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.SecurityStamp, ForumUser.NewSecurityStamp())
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
}
