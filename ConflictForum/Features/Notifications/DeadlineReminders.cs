using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Reminds the parties of a deadline two days and one day before it: the respondent's statement (the response deadline), the
/// close of voting, the settlement's due date. Each reminder is written once (it is part of the notification's key): a sweep
/// run twice, by one instance or two, writes nothing new, and a deadline first seen inside one day gets only the one-day
/// reminder.
/// </summary>
public sealed class DeadlineReminders(IDbContextFactory<ForumDbContext> dbFactory, IDisputeEvents events,
    IOptions<NotificationOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan TwoDays = TimeSpan.FromHours(48);

    private sealed record Due(int DisputeId, string Title, DateTime At, string?[] Parties);

    /// <returns>How many reminders were written.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + TwoDays;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var statements = await db.Disputes.Where(d => d.Status == DisputeStatus.AwaitingResponse && d.RespondentId != null
                && d.ResponseDeadline > now && d.ResponseDeadline <= horizon)
            .Select(d => new Due(d.Id, d.Title, d.ResponseDeadline, new[] { d.RespondentId })).ToListAsync(ct);
        var voting = await db.Disputes.Where(d => d.Status == DisputeStatus.Open && d.VotingClosesAt > now && d.VotingClosesAt <= horizon)
            .Select(d => new Due(d.Id, d.Title, d.VotingClosesAt!.Value, new[] { d.ClaimantId, d.RespondentId })).ToListAsync(ct);
        var settlements = await db.Settlements.Where(s => s.CarryOutBy > now && s.CarryOutBy <= horizon)
            .Join(db.Disputes.Where(d => d.Status == DisputeStatus.Settled), s => s.DisputeId, d => d.Id,
                (s, d) => new Due(d.Id, d.Title, s.CarryOutBy!.Value, new[] { d.ClaimantId, d.RespondentId })).ToListAsync(ct);

        var written = 0;
        written += await RemindAsync(db, statements, now, NotificationReminder.StatementDue48Hours,
            NotificationReminder.StatementDue24Hours, at => $"Your statement is due by {TimeText.Exact(at)}: without it, the "
                + "dispute opens to the public's comments and votes then.", ct);
        written += await RemindAsync(db, voting, now, NotificationReminder.VotingCloses48Hours,
            NotificationReminder.VotingCloses24Hours, at => $"Voting closes on {TimeText.Exact(at)}: the public's verdict is "
                + "final then.", ct);
        written += await RemindAsync(db, settlements, now, NotificationReminder.SettlementDue48Hours,
            NotificationReminder.SettlementDue24Hours, at => $"The settlement is due to be carried out by {TimeText.Exact(at)}; "
                + "after that, each party reports whether it was honoured.", ct);
        return written;
    }

    private async Task<int> RemindAsync(ForumDbContext db, List<Due> due, DateTime now, NotificationReminder twoDays,
        NotificationReminder oneDay, Func<DateTime, string> text, CancellationToken ct)
    {
        if (due.Count == 0) return 0;
        var ids = due.Select(d => d.DisputeId).ToList();
        var sent = (await db.Notifications.Where(n => ids.Contains(n.DisputeId) && n.Sequence == 0
                && (n.Reminder == twoDays || n.Reminder == oneDay))
            .Select(n => new { n.DisputeId, n.Reminder }).Distinct().ToListAsync(ct)).Select(n => (n.DisputeId, n.Reminder)).ToHashSet();
        var members = due.SelectMany(d => d.Parties).OfType<string>().Distinct().ToList();
        var deliveries = await NotificationPreferences.DeliveriesAsync(db, db.Users.Where(u => members.Contains(u.Id)),
            NotificationTopic.Deadlines, ct);
        var written = new List<Notification>();
        foreach (var deadline in due)
        {
            var reminder = deadline.At - now <= TimeSpan.FromHours(24) ? oneDay : twoDays;
            if (sent.Contains((deadline.DisputeId, reminder)) || sent.Contains((deadline.DisputeId, oneDay))) continue;
            foreach (var party in deadline.Parties.OfType<string>())
            {
                var delivery = deliveries.GetValueOrDefault(party, NotificationDelivery.Off);
                if (delivery == NotificationDelivery.Off) continue;
                var notification = new Notification
                {
                    RecipientId = party, DisputeId = deadline.DisputeId, Reminder = reminder, Topic = NotificationTopic.Deadlines,
                    DisputeTitle = deadline.Title, Text = text(deadline.At), CreatedAt = now,
                };
                options.Value.ScheduleMail(notification, delivery);
                written.Add(notification);
            }
        }
        return await SaveAsync(db, written, events, ct);
    }

    /// <summary>
    /// Saves reminders one dispute at a time: another instance that wrote the same ones first wins (their key is unique),
    /// and this one skips them rather than fail the rest.
    /// </summary>
    internal static async Task<int> SaveAsync(ForumDbContext db, List<Notification> reminders, IDisputeEvents events,
        CancellationToken ct)
    {
        var saved = 0;
        foreach (var batch in reminders.GroupBy(n => n.DisputeId))
        {
            db.Notifications.AddRange(batch);
            try
            {
                await db.SaveChangesAsync(ct);
                saved += batch.Count();
                foreach (var n in batch) events.Publish(new InboxChanged(n.RecipientId));
            }
            catch (DbUpdateException)
            {
                // Written by another instance in the meantime.
            }
            db.ChangeTracker.Clear();
        }
        return saved;
    }
}
