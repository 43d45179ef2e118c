using System.Security.Claims;
using ConflictForum.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// A sign-in lives until it is signed out (that sign-in alone: its cookie and any copy of it) or the account's security
/// stamp moves (a password change, "sign out everywhere else", a suspension or a role change ends every sign-in).
/// Checked on every request, by open pages every 30 seconds, and on every write (<see cref="ForumActors"/>).
/// </summary>
internal static class SignInSessions
{
    /// <summary>
    /// Whether <paramref name="principal"/>'s sign-in still holds: its stamp is the account's and it was not signed out.
    /// One indexed read, where Identity's own validator would rebuild the whole principal.
    /// </summary>
    public static async Task<bool> HoldsAsync(ForumDbContext db, ClaimsPrincipal principal, string stampClaimType, CancellationToken ct)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return false;
        var signInId = principal.FindFirstValue(ForumClaims.SignInIdType);
        var account = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, SignedOut = signInId != null && db.EndedSignIns.Any(e => e.SignInId == signInId) })
            .SingleOrDefaultAsync(ct);
        return account is { SignedOut: false } && account.SecurityStamp == principal.FindFirstValue(stampClaimType);
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not null)
        {
            var services = context.HttpContext.RequestServices;
            var claimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            await using var db = await services.GetRequiredService<IDbContextFactory<ForumDbContext>>()
                .CreateDbContextAsync(context.HttpContext.RequestAborted);
            if (!await HoldsAsync(db, context.Principal, claimType, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }
        // Identity's validator in a scope of its own: resolved from the request's services it would take a database
        // context (its sign-in manager's user store) for as long as the request lasts, and the request of a live page's
        // connection lasts as long as the page.
        await using var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
    }

    /// <summary>
    /// Signs out the sign-in <paramref name="principal"/> holds, on the record, so a copy of its cookie taken before (a
    /// shared computer) no longer opens the account; the member's other devices stay signed in. A cookie from before
    /// sign-ins had ids can only be ended with all the others.
    /// </summary>
    public static async Task EndAsync(ForumDbContext db, ClaimsPrincipal principal, DateTime now,
        TimeSpan cookieLifetime, CancellationToken ct)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return;
        if (principal.FindFirstValue(ForumClaims.SignInIdType) is not { } signInId)
        {
            await EndAllAsync(db, userId, ct);
            return;
        }
        if (!await db.EndedSignIns.AnyAsync(e => e.SignInId == signInId, ct))
        {
            db.EndedSignIns.Add(new EndedSignIn { SignInId = signInId, UserId = userId, EndedAt = now });
            await db.SaveChangesAsync(ct);
        }
        // A cookie expires on its own after its lifetime without use, and a signed-out one cannot be used: older rows match nothing.
        var forgotten = now - cookieLifetime - TimeSpan.FromDays(1);
        await db.EndedSignIns.Where(e => e.EndedAt < forgotten).ExecuteDeleteAsync(ct);
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
