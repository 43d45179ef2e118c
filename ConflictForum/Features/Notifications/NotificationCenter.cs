using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// A member's own notifications: read them a page at a time, count the unread, mark one or all as read. Nobody reads or
/// marks another member's.
/// </summary>
public sealed class NotificationCenter(IDbContextFactory<ForumDbContext> dbFactory, IDisputeEvents events, TimeProvider clock)
{
    public const int PageSize = 20;

    public const string NotYours = "This notification is not yours.";

    public async Task<int> UnreadAsync(ForumActor actor, CancellationToken ct = default)
    {
        if (actor.UserId is not { } me) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, ct);
    }

    /// <param name="before">
    /// Where the page starts (the <see cref="NotificationPage.Before"/> of the page above); null for the newest.
    /// </param>
    public async Task<NotificationPage> PageAsync(ForumActor actor, long? before = null, CancellationToken ct = default)
    {
        if (actor.UserId is not { } me) return new NotificationPage([], null, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me);
        var items = await (before is { } id ? mine.Where(n => n.Id < id) : mine).OrderByDescending(n => n.Id).Take(PageSize + 1)
            .ToListAsync(ct);
        var more = items.Count > PageSize;
        if (more) items.RemoveAt(PageSize);
        return new NotificationPage(items, more ? items[^1].Id : null, await mine.CountAsync(n => n.ReadAt == null, ct));
    }

    public async Task<Outcome> MarkReadAsync(ForumActor actor, long notificationId, CancellationToken ct = default)
    {
        if (actor.UserId is null) return Outcome.Refused(ForumGuardian.SignInFirst);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recipient = await db.Notifications.Where(n => n.Id == notificationId).Select(n => n.RecipientId).SingleOrDefaultAsync(ct);
        if (recipient is null) return Outcome.NotFound("There is no such notification.");
        if (!actor.Is(recipient)) return Outcome.Refused(NotYours);
        await db.Notifications.Where(n => n.Id == notificationId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct);
        events.Publish(new InboxChanged(recipient));
        return Outcome.Ok;
    }

    public async Task<Outcome> MarkAllReadAsync(ForumActor actor, CancellationToken ct = default)
    {
        if (actor.UserId is not { } me) return Outcome.Refused(ForumGuardian.SignInFirst);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.RecipientId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct);
        events.Publish(new InboxChanged(me));
        return Outcome.Ok;
    }
}
