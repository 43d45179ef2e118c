using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How long after a step its mail waits, so a burst on one dispute goes out as one mail. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MailDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the sender looks for mail that is due. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MailPoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a sender holds mail it took before another instance may take it. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MailLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after a first failed attempt, doubled after each (at most an hour). Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MailRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When, each day (UTC), the daily digests go out. Default 07:00.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan DigestAt { get; set; } = TimeSpan.FromHours(7);

    /// <summary>How often deadlines and the moderation queue are looked at for reminders to send. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ReminderPoll { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an item may wait in the moderation queue before its moderators are told. Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ModerationQueueAlertAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Whether this instance empties the outbox: followers told, mail sent (tests drive it themselves). Default true.</summary>
    public bool RunOutbox { get; set; } = true;

    /// <summary>
    /// Sets when <paramref name="notification"/> is mailed, as its recipient hears of its topic: a little after it happened,
    /// at the next daily digest, or never (in the forum only).
    /// </summary>
    public void ScheduleMail(Notification notification, NotificationDelivery delivery)
    {
        notification.InDigest = delivery == NotificationDelivery.Digest;
        notification.MailDueAt = delivery switch
        {
            NotificationDelivery.Immediately => notification.CreatedAt + MailDelay,
            NotificationDelivery.Digest => NextDigest(notification.CreatedAt),
            _ => null,
        };
    }

    /// <summary>The first digest time after <paramref name="at"/>.</summary>
    public DateTime NextDigest(DateTime at) => at.Date + DigestAt is var today && today > at ? today : today.AddDays(1);
}
