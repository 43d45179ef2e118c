namespace ConflictForum.Features.Moderation;

public enum ModerationAction
{
    AutoHidden,
    Hidden,
    Unhidden,
    FlagsDismissed,
    CommentsLocked,
    CommentsUnlocked,
    Appealed,
    AppealGranted,
    AppealRefused,
    Suspended,
    SuspensionLifted,
    VotesRemoved,
    RoleGranted,
    RoleRevoked,
}
