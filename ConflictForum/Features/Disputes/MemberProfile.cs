using ConflictForum.Platform;

namespace ConflictForum.Features.Disputes;

public sealed record MemberProfile(string UserId, string DisplayName, DateTime MemberSince,
    IReadOnlyList<(DisputeRow Row, PartyRole Role)> Disputes, DateTime? SuspendedUntil, string? SuspensionReason, bool IsModerator = false,
    bool IsAdmin = false)
{
    /// <summary>
    /// Whether the viewer may suspend this member, as the service will answer: a moderator told why not, rather than offered tools
    /// that refuse.
    /// </summary>
    public Decision CanSuspend { get; init; }
}
