using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Settlements;

/// <summary>A party's report on the settlement: whether it was honoured, and a note in Markdown saying how.</summary>
public sealed class ReportInput
{
    [Required(ErrorMessage = "Say whether the settlement was honoured.")]
    public ReportVerdict? Verdict { get; set; }

    [Display(Name = "note")]
    [Required(ErrorMessage = "Write a note saying what happened.")]
    [StringLength(SettlementReport.NoteMaxLength, ErrorMessage = "Keep the note to 2,000 characters.")]
    public string Note { get; set; } = "";
}
