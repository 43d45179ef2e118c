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

    /// <summary>Whether this instance empties the outbox: followers told, mail sent (tests drive it themselves). Default true.</summary>
    public bool RunOutbox { get; set; } = true;
}
