using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Disputes;

/// <summary>The "open a dispute" form. Annotations give the page its messages; the service checks the same rules.</summary>
public sealed class OpenDisputeInput
{
    [Required(ErrorMessage = "Give the dispute a title.")]
    [StringLength(Dispute.TitleMaxLength, MinimumLength = Dispute.TitleMinLength,
        ErrorMessage = "The title must be 10 to 120 characters long.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Sum the dispute up in a sentence or two.")]
    [StringLength(Dispute.SummaryMaxLength, ErrorMessage = "Keep the summary to 500 characters.")]
    public string Summary { get; set; } = "";

    public DisputeCategory Category { get; set; } = DisputeCategory.Purchase;

    [Required(ErrorMessage = "Name the other party: a person or a company.")]
    [StringLength(Dispute.PartyNameMaxLength, MinimumLength = 2, ErrorMessage = "The other party's name must be 2 to 100 characters long.")]
    public string RespondentName { get; set; } = "";

    /// <summary>The organisation chosen from the search, if any; a name typed that is an organisation's name chooses it too.</summary>
    public int? RespondentOrganisationId { get; set; }

    [EmailAddress(ErrorMessage = "Enter a valid e-mail address, or leave it empty.")]
    [StringLength(256)]
    public string? RespondentEmail { get; set; }

    [Required(ErrorMessage = "State your position.")]
    [StringLength(PartyStatement.MaxLength, ErrorMessage = "Keep your statement to 20,000 characters.")]
    public string Statement { get; set; } = "";

    /// <summary>
    /// The form as it will be saved: the one-line fields trimmed, so their lengths are checked on what is stored (a title of
    /// one letter and nine spaces is one letter long). The statement is Markdown and kept exactly as typed.
    /// </summary>
    public OpenDisputeInput Trimmed() => new()
    {
        Title = Title?.Trim() ?? "",
        Summary = Summary?.Trim() ?? "",
        Category = Category,
        RespondentName = RespondentName?.Trim() ?? "",
        RespondentOrganisationId = RespondentOrganisationId,
        RespondentEmail = string.IsNullOrWhiteSpace(RespondentEmail) ? null : RespondentEmail.Trim(),
        Statement = Statement,
    };
}
