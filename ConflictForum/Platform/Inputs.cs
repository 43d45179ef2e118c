using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;

namespace ConflictForum.Platform;

/// <summary>
/// The one input check every text a member writes goes through before a service saves it. What is stored must be
/// exactly what was typed (the record hashes it), so text that a database would cut short or mangle is refused here:
/// control characters (SQLite ends a string at NUL) and unpaired surrogates (not valid UTF-8); and so is text that would
/// read otherwise than it is written (<see cref="IsDeceptive"/>).
/// </summary>
public static class Inputs
{
    /// <summary>
    /// The first problem with <paramref name="input"/>, as a message, or null: every string property free of control
    /// characters, then the input's data annotations (lengths, required, formats).
    /// </summary>
    public static string? Problem(object input)
    {
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) && property.GetIndexParameters().Length == 0
                && TextProblem((string?)property.GetValue(input), FieldName(property)) is { } problem)
                return problem;
        }
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true)
            ? null
            : results[0].ErrorMessage;
    }

    /// <summary>Null when <paramref name="text"/> can be stored as it is; else why not, naming <paramref name="what"/>.</summary>
    public static string? TextProblem(string? text, string what)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return $"The {what} contains an invisible control character (U+{(int)c:X4}) that cannot be saved. Remove it and try again.";
            if (IsDeceptive(c))
                return $"The {what} contains an invisible character (U+{(int)c:X4}) that would make it read otherwise than it is "
                    + "written. Remove it and try again.";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return $"The {what} contains a broken character (half of an emoji or symbol) that cannot be saved. "
                    + "Retype it and try again.";
        }
        return null;
    }

    /// <summary>
    /// A character that shows nothing or turns the text around it: a bidirectional embedding, override or isolate (a title
    /// that reads backwards from where the override starts), a zero-width space, word joiner or byte-order mark, an invisible
    /// operator, or a filler that counts as a letter yet draws nothing (a blank title or name). The joiners that scripts and
    /// emoji need (U+200C, U+200D) and the direction marks of right-to-left writing (U+200E, U+200F) stay allowed.
    /// </summary>
    public static bool IsDeceptive(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200B' or (>= '\u2060' and <= '\u2064')
            or '\uFEFF' or '\u180E' or '\u115F' or '\u1160' or '\u3164' or '\uFFA0';

    /// <summary>"RespondentName" reads "respondent name", unless the property says how a person calls it.</summary>
    private static string FieldName(PropertyInfo property)
    {
        if (property.GetCustomAttribute<DisplayAttribute>()?.GetName() is { } name) return name;
        var words = new StringBuilder();
        foreach (var c in property.Name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
