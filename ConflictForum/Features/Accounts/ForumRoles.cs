namespace ConflictForum.Features.Accounts;

public static class ForumRoles
{
    public const string Moderator = nameof(Moderator);
    public const string Admin = nameof(Admin);
}
