using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Accounts;

public static class ForumRoles
{
    public const string Moderator = nameof(Moderator);
    public const string Admin = nameof(Admin);
}
