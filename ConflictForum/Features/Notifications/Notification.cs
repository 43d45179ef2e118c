using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// One member told of one step on a dispute's record, written in the step's own transaction, or reminded of what is coming
/// (<see cref="Reminder"/>). A member is told of an entry once (the key is recipient, dispute, entry and reminder), and the
/// text is the entry's public summary: nothing the page would hide.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public string RecipientId { get; set; } = "";

    public int DisputeId { get; set; }

    /// <summary>The timeline entry it tells of; 0 for a deadline's reminder.</summary>
    public int Sequence { get; set; }

    /// <summary>The kind of entry it tells of; null for a reminder.</summary>
    public TimelineKind? Kind { get; set; }

    public NotificationTopic Topic { get; set; }

    public NotificationReminder Reminder { get; set; }

    /// <summary>The dispute's title when it was written, to name it in a list of notifications.</summary>
    public string DisputeTitle { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    /// <summary>When it is to be mailed (a little after it happened, so a burst goes out as one mail); null: not mailed.</summary>
    public DateTime? MailDueAt { get; set; }

    public DateTime? MailedAt { get; set; }

    /// <summary>Mailed in the recipient's daily digest of its topic rather than on its own.</summary>
    public bool InDigest { get; set; }

    public int MailAttempts { get; set; }

    /// <summary>
    /// The mail it goes out in, fixed before the first attempt: after a crash between sending and recording it, the same
    /// mail (same Message-Id) is sent again, never a second one.
    /// </summary>
    public string? MailKey { get; set; }

    /// <summary>Until when a sender holds it (several instances never send the same mail at once).</summary>
    public DateTime? MailClaimedUntil { get; set; }

    public string? MailClaim { get; set; }

    /// <summary>The exact place: the entry on the dispute's timeline, the part of the page a deadline is about, the queue.</summary>
    public string Link => Reminder switch
    {
        NotificationReminder.None => DisputeAddresses.PartUrl(DisputeId, $"entry-{Sequence}"),
        NotificationReminder.StatementDue48Hours or NotificationReminder.StatementDue24Hours
            => DisputeAddresses.PartUrl(DisputeId, "statements"),
        NotificationReminder.VotingCloses48Hours or NotificationReminder.VotingCloses24Hours
            => DisputeAddresses.PartUrl(DisputeId, "fault"),
        NotificationReminder.SettlementDue48Hours or NotificationReminder.SettlementDue24Hours
            => DisputeAddresses.PartUrl(DisputeId, "settlement"),
        _ => Moderation.ModerationSetup.QueueUrl,
    };

}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.HasIndex(n => new { n.RecipientId, n.DisputeId, n.Sequence, n.Reminder }).IsUnique(); // told once, whatever retries
        notification.HasIndex(n => new { n.DisputeId, n.Sequence, n.Reminder }); // who was told already (followers, reminders)
        notification.HasIndex(n => new { n.RecipientId, n.ReadAt });
        notification.HasIndex(n => new { n.MailedAt, n.MailDueAt }); // the mail outbox
        notification.Property(n => n.MailKey).HasMaxLength(64);
        notification.Property(n => n.MailClaim).HasMaxLength(32);
        notification.Property(n => n.RecipientId).HasMaxLength(450);
        notification.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        notification.HasOne<Dispute>().WithMany().HasForeignKey(n => n.DisputeId).OnDelete(DeleteBehavior.NoAction);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        notification.Property(n => n.Topic).HasConversion<string>().HasMaxLength(32);
        notification.Property(n => n.Reminder).HasConversion<string>().HasMaxLength(32);
        notification.Property(n => n.DisputeTitle).HasMaxLength(Dispute.TitleMaxLength);
        notification.Property(n => n.Text).HasMaxLength(1_000);
        notification.Ignore(n => n.Link);
    }
}
