using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Accounts;

/// <summary>The rules for a public display name: 3–32 characters of letters, digits, spaces and . - _ ' , unique ignoring case.</summary>
public static class DisplayNames
{
    public const int MinLength = 3;
    public const int MaxLength = 32;

    /// <summary>Trims and collapses runs of white space to one space, so "Ann  Lee " and "Ann Lee" are one name.</summary>
    public static string Clean(string? name)
    {
        var builder = new StringBuilder();
        foreach (var part in (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(part);
        }
        return builder.ToString();
    }

    public static string Normalize(string? name) => Clean(name).ToUpperInvariant();

    /// <summary>Null when <paramref name="name"/> is acceptable, else a message a person can act on.</summary>
    public static string? Problem(string? name)
    {
        var clean = Clean(name);
        if (clean.Length < MinLength || clean.Length > MaxLength)
            return $"Display name must be {MinLength} to {MaxLength} characters long.";
        if (!clean.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '\''))
            return "Display name may contain letters, digits, spaces and . - _ ' only.";
        if (!clean.Any(char.IsLetterOrDigit))
            return "Display name must contain a letter or digit.";
        return null;
    }
}

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
