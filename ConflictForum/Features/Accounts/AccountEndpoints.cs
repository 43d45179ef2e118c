using System.Security.Claims;
using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

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
            [FromForm] string? returnUrl,
            CancellationToken ct) =>
        {
            // Deleting the cookie here is not enough on a shared device: a copy taken before would still open the account.
            if (signInManager.UserManager.GetUserId(user) is { } userId) await SignInSessions.EndAllAsync(db, userId, ct);
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        });
        return accountGroup;
    }
}
