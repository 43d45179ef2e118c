using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Disputes;

/// <summary>Where a re-issued invitation goes: an address, or empty for a link sent nowhere.</summary>
public sealed class InvitationInput
{
    [Display(Name = "e-mail address")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address, or leave it empty.")]
    [StringLength(256)]
    public string? SendTo { get; set; }
}
