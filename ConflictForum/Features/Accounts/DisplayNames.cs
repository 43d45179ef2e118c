using System.Text;

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
        if (clean.Any(Platform.Inputs.IsDeceptive))
            return "Display name may not contain invisible characters.";
        if (!clean.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '\''))
            return "Display name may contain letters, digits, spaces and . - _ ' only.";
        if (!clean.Any(char.IsLetterOrDigit))
            return "Display name must contain a letter or digit.";
        return null;
    }
}
