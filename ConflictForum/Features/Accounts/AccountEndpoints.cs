using System.Security.Claims;
using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Accounts;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST (antiforgery-checked), so a link elsewhere cannot sign anyone out.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<ForumUser> signInManager,
            [FromServices] ForumDbContext db,
            [FromServices] TimeProvider clock,
            [FromServices] IOptionsMonitor<CookieAuthenticationOptions> cookies,
            [FromForm] string? returnUrl,
            CancellationToken ct) =>
        {
            // Deleting the cookie here is not enough on a shared device: a copy taken before would still open the account.
            await SignInSessions.EndAsync(db, user, clock.GetUtcNow().UtcDateTime,
                cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan, ct);
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        });
        return accountGroup;
    }
}
