using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Settlements;

/// <summary>A party's one answer to the other party's report, in Markdown.</summary>
public sealed class ReportAnswerInput
{
    [Display(Name = "answer")]
    [Required(ErrorMessage = "Write your answer first.")]
    [StringLength(SettlementReport.NoteMaxLength, ErrorMessage = "Keep the answer to 2,000 characters.")]
    public string Answer { get; set; } = "";
}
