using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Platform;

public static class Inputs
{
    /// <summary>Runs the data annotations of <paramref name="input"/>; the first problem as a message, or null.</summary>
    public static string? Problem(object input)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true)
            ? null
            : results[0].ErrorMessage;
    }
}
