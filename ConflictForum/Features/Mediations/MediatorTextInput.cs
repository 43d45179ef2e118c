using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Mediations;

/// <summary>What a mediator writes: a note to both parties, or the public summary that closes the mediation (Markdown).</summary>
public sealed class MediatorTextInput
{
    [Display(Name = "text")]
    [Required(ErrorMessage = "Write it first.")]
    [StringLength(Mediation.SummaryMaxLength, ErrorMessage = "Keep it to 2,000 characters.")]
    public string Text { get; set; } = "";
}
