using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Accounts;

internal sealed class ForumRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    // Fixed ids and stamps: seed data must be identical on every migration run.
    public void Configure(EntityTypeBuilder<IdentityRole> role) => role.HasData(
        new IdentityRole
        {
            Id = "role-moderator", Name = ForumRoles.Moderator, NormalizedName = "MODERATOR",
            ConcurrencyStamp = "6f0e1a52-moderator"
        },
        new IdentityRole { Id = "role-admin", Name = ForumRoles.Admin, NormalizedName = "ADMIN", ConcurrencyStamp = "3c9d7b44-admin" },
        new IdentityRole
        {
            Id = "role-mediator", Name = ForumRoles.Mediator, NormalizedName = "MEDIATOR", ConcurrencyStamp = "8b21c5e0-mediator"
        });
}
