using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Organisations;

/// <summary>
/// The open invitation of one address to act for an organisation: its link works once, and no more once the organisation
/// removed the member who holds that address. An owner's new invitation opens it again.
/// </summary>
public sealed class AgentInvitation
{
    public int OrganisationId { get; set; }

    /// <summary>The invited address, upper-cased as Identity normalises e-mail addresses.</summary>
    public string NormalizedAddress { get; set; } = "";

    public DateTime InvitedAt { get; set; }

    /// <summary>When its link made a member an agent, or when removing that member closed it; null while it is open.</summary>
    public DateTime? ClosedAt { get; set; }
}

internal sealed class AgentInvitationConfiguration : IEntityTypeConfiguration<AgentInvitation>
{
    public void Configure(EntityTypeBuilder<AgentInvitation> invitation)
    {
        invitation.HasKey(i => new { i.OrganisationId, i.NormalizedAddress });
        invitation.Property(i => i.NormalizedAddress).HasMaxLength(256);
        invitation.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
