namespace ConflictForum.Features.Accounts;

public static class ForumRoles
{
    public const string Moderator = nameof(Moderator);
    public const string Admin = nameof(Admin);

    /// <summary>Takes mediations from the queue: a neutral third party helping the two sides of a dispute talk.</summary>
    public const string Mediator = nameof(Mediator);
}
