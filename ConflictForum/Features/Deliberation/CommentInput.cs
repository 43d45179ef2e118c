using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Deliberation;

/// <summary>A comment, new or edited. The service checks it through <see cref="Platform.MarkdownRenderer.Accept"/>.</summary>
public sealed class CommentInput
{
    [Display(Name = "comment")]
    [Required(ErrorMessage = "Write your comment first.")]
    [StringLength(Comment.MaxLength, ErrorMessage = "Keep your comment to 5,000 characters.")]
    public string Text { get; set; } = "";
}
