using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Organisations;

/// <summary>What a member fills in to create an organisation; the service checks every rule again.</summary>
public sealed class OrganisationInput
{
    [Required(ErrorMessage = "Give the organisation's name.")]
    [StringLength(Organisation.NameMaxLength)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose its address on the forum.")]
    [StringLength(OrganisationNames.SlugMaxLength)]
    public string Slug { get; set; } = "";

    [StringLength(Organisation.DescriptionMaxLength)]
    public string Description { get; set; } = "";

    [Required(ErrorMessage = "Give its website: verifying it by mail uses the website's domain.")]
    [StringLength(Organisation.WebsiteMaxLength)]
    public string Website { get; set; } = "";
}
