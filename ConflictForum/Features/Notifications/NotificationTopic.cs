namespace ConflictForum.Features.Notifications;

/// <summary>What a notification is about, as a member chooses how to hear of it (<see cref="NotificationSetting"/>).</summary>
public enum NotificationTopic
{
    /// <summary>Steps on the member's own disputes (as a party or their mediator): the other side's moves, offers, settlement.</summary>
    Disputes,

    /// <summary>A deadline on the member's dispute is two days or one day away.</summary>
    Deadlines,

    /// <summary>The member's words: hidden or restored, an appeal decided, a reply to their comment.</summary>
    YourWords,

    /// <summary>Disputes the member follows: a new statement, a new resolution, the settlement, the outcome.</summary>
    Following,

    /// <summary>For moderators: items have waited in the queue longer than they should.</summary>
    ModerationQueue,
}
