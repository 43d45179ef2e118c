using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Organisations;

/// <summary>
/// A company or other body that answers disputes as itself, through its members. Its name is unique ignoring case and
/// spacing, its slug is its address; it is verified only by an admin or by proof of its website's mail domain, and which of
/// the two is shown by its badge, never by anything a member types.
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 500;
    public const int WebsiteMaxLength = 200;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name as compared: trimmed, single-spaced, upper case.</summary>
    public string NormalizedName { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Description { get; set; } = "";

    public string Website { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public OrganisationVerification Verification { get; set; }

    public DateTime? VerifiedAt { get; set; }

    /// <summary>The admin who verified it, or the address at its domain that confirmed it.</summary>
    public string? VerifiedBy { get; set; }

    /// <summary>When an admin suspended its verification; until an admin verifies it again, nothing else can.</summary>
    public DateTime? SuspendedAt { get; set; }

    /// <summary>Why, in the admin's words, shown on its page.</summary>
    public string? SuspensionReason { get; set; }

    public bool IsVerified => Verification != OrganisationVerification.None;
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.HasIndex(o => o.NormalizedName).IsUnique();
        organisation.HasIndex(o => o.Slug).IsUnique();
        organisation.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        organisation.Property(o => o.NormalizedName).HasMaxLength(Organisation.NameMaxLength);
        organisation.Property(o => o.Slug).HasMaxLength(OrganisationNames.SlugMaxLength);
        organisation.Property(o => o.Description).HasMaxLength(Organisation.DescriptionMaxLength);
        organisation.Property(o => o.Website).HasMaxLength(Organisation.WebsiteMaxLength);
        organisation.Property(o => o.Verification).HasConversion<string>().HasMaxLength(16);
        organisation.Property(o => o.VerifiedBy).HasMaxLength(450);
        organisation.Property(o => o.SuspensionReason).HasMaxLength(OrganisationRefusals.ReasonMaxLength);
        organisation.Ignore(o => o.IsVerified);
    }
}
