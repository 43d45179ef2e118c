using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Settlements;

/// <summary>Declining an offer, with an optional reason in plain words.</summary>
public sealed class OfferAnswerInput
{
    public const int ReasonMaxLength = 500;

    [StringLength(ReasonMaxLength, ErrorMessage = "Keep the reason to 500 characters.")]
    public string? Reason { get; set; }
}
