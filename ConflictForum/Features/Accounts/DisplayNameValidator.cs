using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Accounts;

/// <summary>Runs on every create and update through UserManager, so no path can store a bad or taken name.</summary>
internal sealed class DisplayNameValidator : IUserValidator<ForumUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<ForumUser> manager, ForumUser user)
    {
        user.DisplayName = DisplayNames.Clean(user.DisplayName);
        user.NormalizedDisplayName = DisplayNames.Normalize(user.DisplayName);
        if (DisplayNames.Problem(user.DisplayName) is { } problem)
            return IdentityResult.Failed(new IdentityError { Code = "InvalidDisplayName", Description = problem });

        var taken = await manager.Users.AnyAsync(u => u.NormalizedDisplayName == user.NormalizedDisplayName && u.Id != user.Id);
        return taken
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "DuplicateDisplayName", Description = $"The display name '{user.DisplayName}' is already taken."
            })
            : IdentityResult.Success;
    }
}
