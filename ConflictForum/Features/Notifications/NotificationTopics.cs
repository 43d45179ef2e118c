namespace ConflictForum.Features.Notifications;

/// <summary>What each topic is called on the settings, and how it is heard of until the member chooses.</summary>
public static class NotificationTopics
{
    /// <summary>Parties hear of their disputes promptly; followers once a day.</summary>
    public static NotificationDelivery Default(NotificationTopic topic) =>
        topic == NotificationTopic.Following ? NotificationDelivery.Digest : NotificationDelivery.Immediately;

    public static string Label(NotificationTopic topic) => topic switch
    {
        NotificationTopic.Disputes => "Your disputes",
        NotificationTopic.Deadlines => "Deadlines coming",
        NotificationTopic.YourWords => "Your words",
        NotificationTopic.Following => "Disputes you follow",
        _ => "The moderation queue",
    };

    public static string Explanation(NotificationTopic topic) => topic switch
    {
        NotificationTopic.Disputes => "The other side's moves, offers, mediation, the settlement and its reports, the close of voting.",
        NotificationTopic.Deadlines => "Two days and one day before a statement is due, voting closes or a settlement is due.",
        NotificationTopic.YourWords => "Something you wrote was hidden or restored, your appeal was decided, someone replied to you.",
        NotificationTopic.Following => "A new statement or resolution, the settlement and the outcome of disputes you follow.",
        _ => "Items have waited in the queue longer than they should.",
    };

    public static string Label(NotificationDelivery delivery) => delivery switch
    {
        NotificationDelivery.Forum => "In the forum only",
        NotificationDelivery.Immediately => "E-mail right away",
        NotificationDelivery.Digest => "Daily e-mail digest",
        _ => "Off",
    };
}
