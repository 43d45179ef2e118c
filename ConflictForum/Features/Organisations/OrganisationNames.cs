using System.Text.RegularExpressions;
using ConflictForum.Features.Accounts;

namespace ConflictForum.Features.Organisations;

/// <summary>
/// The rules for an organisation's name and slug. A name is letters, digits, spaces and . - _ ' &amp; , ( ) only, so no name
/// can carry a check mark or anything else that could pass for the verified badge.
/// </summary>
public static partial class OrganisationNames
{
    public const int SlugMaxLength = 40;

    /// <summary>What stands for an organisation's name once a moderator hid it.</summary>
    public const string HiddenName = "Hidden organisation";

    public static string Normalize(string? name) => DisplayNames.Normalize(name);

    /// <summary>Null when <paramref name="name"/> is acceptable, else a message a person can act on.</summary>
    public static string? NameProblem(string? name)
    {
        var clean = DisplayNames.Clean(name);
        if (clean.Length < 2 || clean.Length > Organisation.NameMaxLength)
            return $"The name must be 2 to {Organisation.NameMaxLength} characters long.";
        if (!clean.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '\'' or '&' or ',' or '(' or ')'))
            return "The name may contain letters, digits, spaces and . - _ ' & , ( ) only.";
        return !clean.Any(char.IsLetterOrDigit) ? "The name must contain a letter or digit." : null;
    }

    /// <summary>Null when <paramref name="slug"/> is acceptable, else a message a person can act on.</summary>
    public static string? SlugProblem(string? slug) =>
        slug is null || slug.Length > SlugMaxLength || !Slug().IsMatch(slug)
            ? $"The address must be 3 to {SlugMaxLength} lower-case letters, digits and single hyphens, starting with a letter."
            : slug is "new" or "confirm" or "join" ? "That address is taken by the forum itself." : null;

    [GeneratedRegex("^[a-z](?:-?[a-z0-9]){2,39}$")]
    private static partial Regex Slug();
}
