using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// A member's own choice to follow a dispute or not. Without one, the parties and everyone who commented, voted or proposed a
/// resolution on it follow it; any other member follows it by choosing to.
/// </summary>
public sealed class Follow
{
    public string UserId { get; set; } = "";

    public int DisputeId { get; set; }

    public bool Following { get; set; }

    public DateTime At { get; set; }
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> follow)
    {
        follow.HasKey(f => new { f.DisputeId, f.UserId });
        follow.Property(f => f.UserId).HasMaxLength(450);
        follow.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        follow.HasOne<Dispute>().WithMany().HasForeignKey(f => f.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
