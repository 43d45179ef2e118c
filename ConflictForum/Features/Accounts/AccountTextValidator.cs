using Microsoft.AspNetCore.Identity;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// The account's own text (e-mail and user name) through the same check as every other input: SQLite would store an
/// address cut short at a NUL, and the address that signs in would no longer be the one that was confirmed.
/// </summary>
internal sealed class AccountTextValidator : IUserValidator<ForumUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ForumUser> manager, ForumUser user) =>
        Task.FromResult((Platform.Inputs.TextProblem(user.Email, "e-mail address")
            ?? Platform.Inputs.TextProblem(user.UserName, "user name")) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidCharacters", Description = problem })
            : IdentityResult.Success);
}
