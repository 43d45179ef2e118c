namespace ConflictForum.Features.Notifications;

/// <summary>
/// A notification that tells of what is coming rather than of a step on the record: a deadline two days or one day away,
/// or old items in the moderation queue. Part of a notification's key, so each is written once whatever the retries.
/// </summary>
public enum NotificationReminder
{
    /// <summary>Not a reminder: a step on the record (its timeline entry).</summary>
    None,
    StatementDue48Hours,
    StatementDue24Hours,
    VotingCloses48Hours,
    VotingCloses24Hours,
    SettlementDue48Hours,
    SettlementDue24Hours,

    /// <summary>Items have waited in the moderation queue too long; its Sequence is the period it was sent in.</summary>
    ModerationQueue,
}
