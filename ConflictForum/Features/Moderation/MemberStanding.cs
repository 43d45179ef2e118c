namespace ConflictForum.Features.Moderation;

public sealed record MemberStanding(string UserId, string DisplayName, bool IsModerator, bool IsAdmin, DateTime? SuspendedUntil,
    string? SuspensionReason, bool IsMediator = false);
