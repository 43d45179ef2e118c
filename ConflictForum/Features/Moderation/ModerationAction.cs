using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
