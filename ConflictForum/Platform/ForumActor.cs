namespace ConflictForum.Platform;

/// <summary>
/// Who is acting, as the database says now (not as a possibly minutes-old cookie says).
/// <see cref="Anonymous"/> stands for a reader who is not signed in, so no rule checks for null.
/// <see cref="SuspendedUntil"/> is set only while a suspension is in force at the time the actor was read.
/// </summary>
public sealed record ForumActor(string? UserId, string DisplayName, bool IsModerator, bool IsAdmin, DateTime? AccountCreatedAt, DateTime? SuspendedUntil = null)
{
    public static readonly ForumActor Anonymous = new(null, "Anonymous reader", false, false, null);

    public bool IsSignedIn => UserId is not null;

    public bool Is(string? userId) => UserId is not null && UserId == userId;
}
