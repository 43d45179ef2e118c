using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Deliberation;

/// <summary>A proposed resolution: a one-line title (stored trimmed) and a Markdown body.</summary>
public sealed class ResolutionInput
{
    [Display(Name = "resolution's title")]
    [Required(ErrorMessage = "Give the resolution a title of 5 to 120 characters.")]
    [StringLength(Resolution.TitleMaxLength, MinimumLength = 5, ErrorMessage = "Give the resolution a title of 5 to 120 characters.")]
    public string Title { get; set; } = "";

    [Display(Name = "resolution")]
    [Required(ErrorMessage = "Write your resolution first.")]
    [StringLength(Resolution.BodyMaxLength, ErrorMessage = "Keep your resolution to 5,000 characters.")]
    public string Text { get; set; } = "";
}
