using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Organisations;

/// <summary>A member who acts for an organisation, as its owner or one of its agents.</summary>
public sealed class OrganisationMember
{
    public int OrganisationId { get; set; }

    public string UserId { get; set; } = "";

    public OrganisationRole Role { get; set; }

    public DateTime JoinedAt { get; set; }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> member)
    {
        member.HasKey(m => new { m.OrganisationId, m.UserId });
        member.HasIndex(m => m.UserId);
        member.Property(m => m.UserId).HasMaxLength(450);
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        member.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
