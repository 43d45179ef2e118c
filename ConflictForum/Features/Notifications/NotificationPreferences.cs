using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// How each member hears of each topic: their own choice, or the topic's default. A member reads and sets only their own;
/// mail goes only to a confirmed address.
/// </summary>
public sealed class NotificationPreferences(IDbContextFactory<ForumDbContext> dbFactory, IOptions<NotificationOptions> options,
    TimeProvider clock)
{
    public const string UnknownChoice = "Choose one of the ways offered.";

    /// <summary>The member's choice for every topic (the default where they made none).</summary>
    public async Task<IReadOnlyDictionary<NotificationTopic, NotificationDelivery>> GetAsync(ForumActor actor,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chosen = actor.UserId is { } me
            ? await db.NotificationSettings.Where(s => s.UserId == me).ToDictionaryAsync(s => s.Topic, s => s.Delivery, ct)
            : [];
        return Enum.GetValues<NotificationTopic>().ToDictionary(t => t, t => chosen.GetValueOrDefault(t, NotificationTopics.Default(t)));
    }

    /// <summary>
    /// The member hears of <paramref name="topic"/> as <paramref name="delivery"/> says from now on, and what waits to be
    /// mailed of it follows: kept back when mail stops, moved to the digest or out of it. Setting it twice is setting it once.
    /// </summary>
    public async Task<Outcome> SetAsync(ForumActor actor, NotificationTopic topic, NotificationDelivery delivery,
        CancellationToken ct = default)
    {
        if (actor.UserId is not { } me) return Outcome.Refused(ForumGuardian.SignInFirst);
        if (!Enum.IsDefined(topic) || !Enum.IsDefined(delivery)) return Outcome.Refused(UnknownChoice);
        await SetAsync(me, topic, delivery, ct);
        return Outcome.Ok;
    }

    /// <summary>The same for a member known by id (an unsubscribe link's token).</summary>
    internal async Task SetAsync(string userId, NotificationTopic topic, NotificationDelivery delivery, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var setting = await db.NotificationSettings.SingleOrDefaultAsync(s => s.UserId == userId && s.Topic == topic, ct);
        if (setting is null) db.NotificationSettings.Add(setting = new NotificationSetting { UserId = userId, Topic = topic });
        (setting.Delivery, setting.At) = (delivery, now);
        await db.SaveChangesAsync(ct);
        // Mail not yet taken by a sender follows the choice; mail already taken goes out as it was composed.
        var waiting = db.Notifications.Where(n => n.RecipientId == userId && n.Topic == topic && n.MailedAt == null
            && n.MailDueAt != null && n.MailKey == null);
        await (delivery switch
        {
            NotificationDelivery.Immediately => waiting.ExecuteUpdateAsync(s => s
                .SetProperty(n => n.InDigest, false).SetProperty(n => n.MailDueAt, now + options.Value.MailDelay), ct),
            NotificationDelivery.Digest => waiting.ExecuteUpdateAsync(s => s
                .SetProperty(n => n.InDigest, true).SetProperty(n => n.MailDueAt, options.Value.NextDigest(now)), ct),
            _ => waiting.ExecuteUpdateAsync(s => s.SetProperty(n => n.MailDueAt, (DateTime?)null), ct),
        });
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// How each of <paramref name="members"/> hears of <paramref name="topic"/>, in one read however many they are: their
    /// choice or the default, and in the forum only when they have no confirmed address to mail.
    /// </summary>
    internal static async Task<Dictionary<string, NotificationDelivery>> DeliveriesAsync(ForumDbContext db,
        IQueryable<ForumUser> members, NotificationTopic topic, CancellationToken ct)
    {
        var fallback = NotificationTopics.Default(topic);
        var rows = await members.Select(u => new
        {
            u.Id,
            Mailable = u.EmailConfirmed && u.Email != null,
            Chosen = db.NotificationSettings.Where(s => s.UserId == u.Id && s.Topic == topic)
                .Select(s => (NotificationDelivery?)s.Delivery).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (r.Chosen ?? fallback) switch
        {
            NotificationDelivery.Immediately or NotificationDelivery.Digest when !r.Mailable => NotificationDelivery.Forum,
            var delivery => delivery,
        });
    }
}
