using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// Sign-in that does not tell who has an account: an unknown address and an unconfirmed one cost the same password hash
/// as a wrong password, so neither the answer nor the time it takes differs.
/// </summary>
public sealed class ForumSignInManager(
    UserManager<ForumUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<ForumUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<ForumUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ForumUser> confirmation)
    : SignInManager<ForumUser>(users, http, claims, options, logger, schemes, confirmation)
{
    private static readonly ForumUser Decoy = new();
    private static string? decoyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        HashAsIfKnown(null, password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ForumUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        // Identity refuses an unconfirmed address before it looks at the password.
        if (result.IsNotAllowed) HashAsIfKnown(user, password);
        return result;
    }

    /// <summary>
    /// Every sign-in gets an id of its own; a refresh of the same member's cookie (a profile change, "sign out everywhere
    /// else") keeps it, so signing out later still ends this sign-in and any copy of its cookie.
    /// </summary>
    public override Task SignInWithClaimsAsync(ForumUser user, AuthenticationProperties? authenticationProperties,
        IEnumerable<Claim> additionalClaims)
    {
        var current = Context.User;
        var signInId = current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id
            ? current.FindFirstValue(ForumClaims.SignInIdType) : null;
        return base.SignInWithClaimsAsync(user, authenticationProperties,
            [.. additionalClaims.Where(c => c.Type != ForumClaims.SignInIdType),
                new Claim(ForumClaims.SignInIdType, signInId ?? ForumClaims.NewSignInId())]);
    }

    private void HashAsIfKnown(ForumUser? user, string password)
    {
        // Made with this hasher on first use, so it costs what a real account's hash costs (same rounds).
        var hash = user?.PasswordHash ?? (decoyHash ??= UserManager.PasswordHasher.HashPassword(Decoy, Guid.NewGuid().ToString()));
        UserManager.PasswordHasher.VerifyHashedPassword(user ?? Decoy, hash, password);
    }
}
