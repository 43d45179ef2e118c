using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Moderation;

public enum FlagReason
{
    Abuse,
    Spam,
    PersonalInformation,
    OffTopic,
    Other,
}
