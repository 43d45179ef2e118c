using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Accounts;

/// <summary>Puts the display name in the sign-in cookie, so the app bar needs no database read.</summary>
public sealed class ForumClaims(UserManager<ForumUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ForumUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameType = "conflictforum:display_name";

    /// <summary>
    /// Names one sign-in (one device's cookie), so signing out ends that one alone (<see cref="SignInSessions.EndAsync"/>).
    /// </summary>
    public const string SignInIdType = "conflictforum:sign_in";

    public static string NewSignInId() =>
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(EndedSignIn.IdLength / 2));

    public static string DisplayName(ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayNameType) ?? principal.Identity?.Name ?? "";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ForumUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameType, user.DisplayName));
        return identity;
    }
}
