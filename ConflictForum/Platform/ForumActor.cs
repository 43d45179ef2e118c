namespace ConflictForum.Platform;

/// <summary>
/// Who is acting, as the database says now (not as a possibly minutes-old cookie says).
/// <see cref="Anonymous"/> stands for a reader who is not signed in, so no rule checks for null.
/// <see cref="SuspendedUntil"/> is set only while a suspension is in force at the time the actor was read.
/// </summary>
public sealed record ForumActor(string? UserId, string DisplayName, bool IsModerator, bool IsAdmin,
    DateTime? AccountCreatedAt, DateTime? SuspendedUntil = null)
{
    public static readonly ForumActor Anonymous = new(null, "Anonymous reader", false, false, null);

    /// <summary>
    /// A reader whose sign-in ended after their page opened (password change, sign-out, suspension, role change):
    /// signed out for every rule, and told why (with <see cref="SuspendedUntil"/> when a suspension ended it).
    /// </summary>
    public static readonly ForumActor SessionEnded = Anonymous with { HasSessionEnded = true };

    /// <summary>
    /// The security stamp of the sign-in this actor acts through (from its cookie), checked against the account's on
    /// every write. Null for actors the app builds itself (seeding, the command line, tests), which no sign-in binds.
    /// </summary>
    public string? SessionStamp { get; init; }

    /// <summary>The id of that sign-in (one device), checked on every write against the sign-ins that were signed out.</summary>
    public string? SignInId { get; init; }

    public bool HasSessionEnded { get; init; }

    /// <summary>Holds the Mediator role: may take mediations from the queue (never on a dispute they took part in).</summary>
    public bool IsMediator { get; init; }

    /// <summary>
    /// The organisations this member acts for (as an owner or an agent), as read with the rest of their standing: on a
    /// dispute against one of them they are that side, never a neutral reader.
    /// </summary>
    public IReadOnlyList<int> Organisations { get; init; } = [];

    public bool IsSignedIn => UserId is not null;

    public bool ActsFor(int? organisationId) => organisationId is { } id && Organisations.Contains(id);

    public bool Is(string? userId) => UserId is not null && UserId == userId;
}
