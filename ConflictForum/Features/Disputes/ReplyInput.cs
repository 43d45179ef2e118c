using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Disputes;

public sealed class ReplyInput
{
    public const int MaxLength = 2_000;

    [Display(Name = "reply")]
    [Required(ErrorMessage = "Write your reply.")]
    [StringLength(MaxLength, ErrorMessage = "Keep replies to 2,000 characters; edit your statement for longer text.")]
    public string Text { get; set; } = "";
}
