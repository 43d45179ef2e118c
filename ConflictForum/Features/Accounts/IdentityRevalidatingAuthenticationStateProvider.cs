using ConflictForum.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Accounts;

// A server-side AuthenticationStateProvider that revalidates the security stamp of the connected user while an
// interactive circuit is connected, so a page whose sign-in ended elsewhere shows itself signed out soon. Writes do not
// wait for it: each write checks the stamp in its transaction (ForumActors).
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true) return true;
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ForumDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        return await SignInSessions.HoldsAsync(db, authenticationState.User,
            options.Value.ClaimsIdentity.SecurityStampClaimType, cancellationToken);
    }
}
