namespace ConflictForum.Features.Notifications;

/// <summary>How a member hears of one <see cref="NotificationTopic"/>.</summary>
public enum NotificationDelivery
{
    /// <summary>Under the bell only.</summary>
    Forum,

    /// <summary>Under the bell, and by e-mail a few minutes after (a burst on one dispute is one mail).</summary>
    Immediately,

    /// <summary>Under the bell, and in one e-mail a day.</summary>
    Digest,

    /// <summary>Not at all.</summary>
    Off,
}
