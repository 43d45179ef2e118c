namespace ConflictForum.Features.Moderation;

public enum FlagReason
{
    Abuse,
    Spam,
    PersonalInformation,
    OffTopic,
    Other,
}
