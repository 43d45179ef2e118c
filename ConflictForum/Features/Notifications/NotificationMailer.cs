using System.Net;
using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Mails the notifications that are due, from the outbox their steps wrote: one mail per member and dispute for what came
/// together, each with a one-click unsubscribe. Rows are claimed before sending (several instances never send one twice),
/// each mail's key is fixed before its first attempt (after a crash between sending and recording, the same mail goes out
/// again with the same Message-ID: the pickup folder recognises it, an SMTP server may not), a shutdown stops between mails,
/// never between a mail and its record, and a failed delivery waits longer each time: a mail server that is down delays mail
/// and never touches a user's write.
/// </summary>
public sealed partial class NotificationMailer(IDbContextFactory<ForumDbContext> dbFactory, IMailDelivery delivery,
    UnsubscribeTokens tokens, IOptions<NotificationOptions> options, IOptions<EmailOptions> email, IOptions<SiteOptions> site,
    TimeProvider clock, ILogger<NotificationMailer> logger)
{
    private const int Batch = 200;


    /// <summary>Sends what is due now.</summary>
    /// <returns>How many mails went out.</returns>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid().ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var free = db.Notifications.Where(n => n.MailedAt == null && n.MailDueAt != null
            && (n.MailClaimedUntil == null || n.MailClaimedUntil < now));
        var due = await free.Where(n => n.MailDueAt <= now).OrderBy(n => n.Id)
            .Select(n => new { n.Id, n.RecipientId, n.DisputeId, n.InDigest }).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        // The later steps of a burst go out in the mail its first step is due in, not a few minutes later in another.
        var prompt = due.Where(n => !n.InDigest).Select(n => (n.RecipientId, n.DisputeId)).ToHashSet();
        var members = prompt.Select(p => p.RecipientId).Distinct().ToList();
        var disputes = prompt.Select(p => p.DisputeId).Distinct().ToList();
        var later = await free.Where(n => n.MailDueAt > now && !n.InDigest && members.Contains(n.RecipientId)
            && disputes.Contains(n.DisputeId)).Select(n => new { n.Id, n.RecipientId, n.DisputeId }).ToListAsync(ct);
        var ids = due.Select(n => n.Id)
            .Concat(later.Where(n => prompt.Contains((n.RecipientId, n.DisputeId))).Select(n => n.Id)).ToList();
        // Taken only if still free: of two senders reading the same rows, each row goes to one.
        await free.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.MailClaim, claim).SetProperty(n => n.MailClaimedUntil, now + options.Value.MailLease), ct);
        var mine = await db.Notifications.Where(n => n.MailClaim == claim).OrderBy(n => n.Id).ToListAsync(ct);
        // What the member read in the forum before their digest went out is left out of it.
        foreach (var read in mine.Where(n => n.InDigest && n.ReadAt != null && n.MailKey is null))
            (read.MailDueAt, read.MailClaim, read.MailClaimedUntil) = (null, null, null);
        mine.RemoveAll(n => n.MailDueAt is null);
        foreach (var fresh in mine.Where(n => n.MailKey is null).GroupBy(MailOf))
        {
            var key = $"{(fresh.First().InDigest ? "digest." : "")}{fresh.First().Id}.{fresh.Count()}";
            foreach (var n in fresh) n.MailKey = key;
        }
        // A dispute hidden since its notice was written is not quoted by name in the mail (nor, from now, in the inbox).
        var about = mine.Select(n => (long)n.DisputeId).Distinct().ToList();
        var hidden = (await db.ModeratedItems.Where(m => m.Kind == ContentKind.Dispute && about.Contains(m.ItemId) && m.HiddenAt != null)
            .Select(m => m.ItemId).ToListAsync(ct)).ToHashSet();
        foreach (var n in mine.Where(n => hidden.Contains(n.DisputeId))) n.DisputeTitle = DisputeQueries.HiddenTitle;
        await db.SaveChangesAsync(ct); // each mail's key, before its first attempt
        var recipients = mine.Select(n => n.RecipientId).Distinct().ToList();
        var addresses = await db.Users.Where(u => recipients.Contains(u.Id) && u.EmailConfirmed && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, Email: u.Email!), ct);
        var sent = 0;
        foreach (var mail in mine.GroupBy(n => n.MailKey!))
        {
            if (ct.IsCancellationRequested) break; // shutting down: the rest stay claimed until their hold ends, then go out
            sent += await TrySendAsync(db, mail.ToList(), addresses, ct) ? 1 : 0;
        }
        return sent;
    }

    /// <summary>Which mail a notification goes out in: its recipient's for its dispute, or their digest of its topic.</summary>
    private static string MailOf(Notification n) =>
        n.InDigest ? $"{n.RecipientId} digest {n.Topic}" : $"{n.RecipientId} dispute {n.DisputeId}";

    private async Task<bool> TrySendAsync(ForumDbContext db, List<Notification> mail,
        Dictionary<string, (string DisplayName, string Email)> addresses, CancellationToken ct)
    {
        var ids = mail.Select(n => n.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!addresses.TryGetValue(mail[0].RecipientId, out var to))
        {
            // The address went (or was never confirmed) since: nothing to send to; the notification stays in the forum.
            await db.Notifications.Where(n => ids.Contains(n.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailDueAt, (DateTime?)null), ct);
            return false;
        }
        try
        {
            await delivery.DeliverAsync(Compose(mail, to.DisplayName, to.Email), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = mail[0].MailAttempts + 1;
            var wait = TimeSpan.FromTicks(
                Math.Min(TimeSpan.FromHours(1).Ticks, options.Value.MailRetry.Ticks * (1L << Math.Min(attempts - 1, 20))));
            await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.MailAttempts, attempts).SetProperty(n => n.MailDueAt, now + wait)
                .SetProperty(n => n.MailClaimedUntil, (DateTime?)null).SetProperty(n => n.MailClaim, (string?)null), ct);
            LogFailed(logger, mail[0].MailKey!, attempts, ex);
            return false;
        }
        // Out is out: a shutdown that begins now must not leave the mail unrecorded, to go out again after the restart (an SMTP
        // server, unlike the pickup folder, does not recognise it).
        await db.Notifications.Where(n => ids.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), CancellationToken.None);
        return true;
    }

    private MimeMessage Compose(List<Notification> mail, string name, string address)
    {
        var first = mail[0];
        var token = Uri.EscapeDataString(tokens.For(first.RecipientId, first.Topic));
        var unsubscribe = site.Value.Link($"{Unsubscribing.PageUrl}?token={token}");
        var message = new MimeMessage { MessageId = $"notice.{first.MailKey}.{first.RecipientId}@conflictforum" };
        message.From.Add(MailboxAddress.Parse(email.Value.From));
        message.To.Add(new MailboxAddress(name, address));
        var disputes = mail.GroupBy(n => n.DisputeId).ToList();
        message.Subject = first.InDigest
            ? $"{NotificationTopics.Label(first.Topic)}: {Count(mail.Count, "new step")} on {Count(disputes.Count, "dispute")} today"
            : mail.Count == 1 ? $"{first.DisputeTitle}: {first.Text}" : $"{first.DisputeTitle}: {mail.Count} new steps";
        message.Headers.Add("List-Unsubscribe", $"<{site.Value.Link($"{Unsubscribing.OneClickUrl}?token={token}")}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var stop = $"Stop these e-mails about {NotificationTopics.Label(first.Topic).ToLowerInvariant()}";
        var text = new System.Text.StringBuilder();
        var html = new System.Text.StringBuilder();
        foreach (var dispute in disputes)
        {
            var about = Intro(first.Topic, dispute.First().DisputeTitle);
            text.Append(about).Append(":\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(about)).Append(":</p><ul>");
            foreach (var n in dispute)
            {
                var link = site.Value.Link(n.Link);
                text.Append("- ").Append(n.Text).Append(" (").Append(TimeText.Exact(n.CreatedAt)).Append(")\n  ").Append(link).Append('\n');
                html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">").Append(WebUtility.HtmlEncode(n.Text))
                    .Append("</a> (").Append(TimeText.Exact(n.CreatedAt)).Append(")</li>");
            }
            text.Append('\n');
            html.Append("</ul>");
        }
        message.Body = new BodyBuilder
        {
            TextBody = $"{text}{stop} (you will still see it in the forum): {unsubscribe}\n",
            HtmlBody = $"{html}<p><a href=\"{WebUtility.HtmlEncode(unsubscribe)}\">{stop}</a> (you will still see it in the forum).</p>",
        }.ToMessageBody();
        return message;
    }

    private static string Intro(NotificationTopic topic, string title) => topic switch
    {
        NotificationTopic.Disputes => $"On your dispute \"{title}\"",
        NotificationTopic.Deadlines => $"Coming up on your dispute \"{title}\"",
        NotificationTopic.Following => $"On \"{title}\", which you follow",
        NotificationTopic.ModerationQueue => "In the moderation queue",
        _ => $"On \"{title}\", about your words",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailKey} could not be delivered (attempt {Attempts}); it is retried later.")]
    private static partial void LogFailed(ILogger logger, string mailKey, int attempts, Exception exception);
}
