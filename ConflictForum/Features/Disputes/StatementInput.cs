using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Disputes;

public sealed class StatementInput
{
    [Display(Name = "statement")]
    [Required(ErrorMessage = "Your statement cannot be empty.")]
    [StringLength(PartyStatement.MaxLength, ErrorMessage = "Keep your statement to 20,000 characters.")]
    public string Text { get; set; } = "";
}
