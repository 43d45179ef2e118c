using System.Globalization;
using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Tells the moderators when items have waited in the queue longer than <see cref="NotificationOptions.ModerationQueueAlertAge"/>
/// (flags not yet reviewed, appeals not yet decided): at most once per that age, however many items wait, and never twice
/// for one period whatever the retries or instances (the period is part of the notification's key).
/// </summary>
public sealed class ModerationQueueAlerts(IDbContextFactory<ForumDbContext> dbFactory, IDisputeEvents events,
    IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <returns>How many moderators were told.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var age = options.Value.ModerationQueueAlertAge;
        var cutoff = now - age;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = db.ModeratedItems.Where(m => (m.OpenFlags > 0 && m.WaitingSince <= cutoff)
            || (m.AppealedAt != null && m.AppealDecidedAt == null && m.AppealedAt <= cutoff));
        // A notification belongs to a dispute: the alert names the oldest item on one and counts every item waiting, an
        // organisation's too (one waiting alone raises no alert until an item on a dispute waits as long).
        var oldest = await waiting.Where(m => m.DisputeId != null).OrderBy(m => m.WaitingSince ?? m.AppealedAt)
            .Select(m => new
            {
                DisputeId = m.DisputeId!.Value, Title = db.Disputes.Where(d => d.Id == m.DisputeId).Select(d => d.Title).Single(),
            })
            .FirstOrDefaultAsync(ct);
        if (oldest is null) return 0;
        var period = (int)(now.Ticks / age.Ticks);
        var count = await waiting.CountAsync(ct);
        var moderators = db.UserRoles.Join(db.Roles.Where(r => r.Name == ForumRoles.Moderator), ur => ur.RoleId, r => r.Id,
                (ur, _) => ur.UserId)
            .Where(id => !db.Notifications.Any(n => n.RecipientId == id && n.Reminder == NotificationReminder.ModerationQueue
                && n.Sequence == period));
        var deliveries = await NotificationPreferences.DeliveriesAsync(db, db.Users.Where(u => moderators.Contains(u.Id)),
            NotificationTopic.ModerationQueue, ct);
        var alerts = new List<Notification>();
        foreach (var (moderator, delivery) in deliveries.Where(d => d.Value != NotificationDelivery.Off))
        {
            var alert = new Notification
            {
                RecipientId = moderator, DisputeId = oldest.DisputeId, Sequence = period, Topic = NotificationTopic.ModerationQueue,
                Reminder = NotificationReminder.ModerationQueue, DisputeTitle = oldest.Title, CreatedAt = now,
                Text = $"{(count == 1 ? "1 item has" : $"{count} items have")} waited in the moderation queue for more than "
                    + $"{Hours(age)}; the oldest is on \"{oldest.Title}\".",
            };
            options.Value.ScheduleMail(alert, delivery);
            alerts.Add(alert);
        }
        return await DeadlineReminders.SaveAsync(db, alerts, events, ct);
    }

    private static string Hours(TimeSpan age) => age.TotalHours >= 1
        ? $"{age.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} hours"
        : $"{age.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} minutes";
}
