using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// A settlement offer as a party fills it: Markdown terms, an optional amount with its currency, an optional date to carry
/// it out by, and when the offer expires (all instants in UTC).
/// </summary>
public sealed class OfferInput
{
    [Display(Name = "terms")]
    [Required(ErrorMessage = "Write the terms you offer first.")]
    [StringLength(Offer.TermsMaxLength, ErrorMessage = "Keep the terms to 5,000 characters.")]
    public string Terms { get; set; } = "";

    [Range(typeof(decimal), "0", "1000000000", ParseLimitsInInvariantCulture = true,
        ErrorMessage = "The amount must be between 0 and 1,000,000,000, and never negative.")]
    public decimal? Amount { get; set; }

    [RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "Give the currency as its three-letter code, such as GBP, EUR or USD.")]
    public string? Currency { get; set; }

    public DateTime? CarryOutBy { get; set; }

    /// <summary>Required: checked by the service against the dispute's voting window (a form sets it from a choice).</summary>
    public DateTime? ExpiresAt { get; set; }
}
