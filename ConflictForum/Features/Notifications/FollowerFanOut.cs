using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Tells a dispute's followers of the steps their outbox holds (<see cref="FollowerNotice"/>), after the step committed:
/// claimed first (two instances never tell one twice), and whoever was already told of that entry (a party, or a run cut
/// short by a crash) is skipped, so a run that dies halfway is simply run again.
/// </summary>
public sealed class FollowerFanOut(IDbContextFactory<ForumDbContext> dbFactory, IDisputeEvents events,
    IOptions<NotificationOptions> options, TimeProvider clock)
{
    private const int Chunk = 1_000;

    /// <returns>How many followers were told.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = db.FollowerNotices.Where(n => n.DoneAt == null && (n.ClaimedUntil == null || n.ClaimedUntil < now));
        var ids = await pending.OrderBy(n => n.Id).Select(n => n.Id).Take(20).ToListAsync(ct);
        var told = 0;
        foreach (var id in ids)
        {
            if (await pending.Where(n => n.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, now + options.Value.MailLease), ct) == 0)
                continue; // another instance took it
            var notice = await db.FollowerNotices.AsNoTracking().SingleAsync(n => n.Id == id, ct);
            told += await TellAsync(db, notice, ct);
            await db.FollowerNotices.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.DoneAt, now), ct);
        }
        return told;
    }

    private async Task<int> TellAsync(ForumDbContext db, FollowerNotice notice, CancellationToken ct)
    {
        var already = db.Notifications.Where(n => n.DisputeId == notice.DisputeId && n.Sequence == notice.Sequence
            && n.Reminder == NotificationReminder.None).Select(n => n.RecipientId);
        var followers = Following.Followers(db, notice.DisputeId).Where(id => id != notice.ActorId && !already.Contains(id));
        var deliveries = (await NotificationPreferences.DeliveriesAsync(db, db.Users.Where(u => followers.Contains(u.Id)),
            NotificationTopic.Following, ct)).Where(d => d.Value != NotificationDelivery.Off).ToList();
        foreach (var chunk in deliveries.Chunk(Chunk))
        {
            foreach (var (follower, delivery) in chunk)
            {
                var notification = new Notification
                {
                    RecipientId = follower, DisputeId = notice.DisputeId, Sequence = notice.Sequence, Kind = notice.Kind,
                    Topic = NotificationTopic.Following, DisputeTitle = notice.DisputeTitle, Text = notice.Text, CreatedAt = notice.At,
                };
                options.Value.ScheduleMail(notification, delivery);
                db.Notifications.Add(notification);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var (follower, _) in deliveries) events.Publish(new InboxChanged(follower));
        return deliveries.Count;
    }
}
