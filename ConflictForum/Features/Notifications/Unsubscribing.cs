using ConflictForum.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Unsubscribing from a mail: the link in its text opens a page that asks (<see cref="PageUrl"/>; a link scanner opening it
/// changes nothing), and the page's button and the mail's one-click header (RFC 8058) post to <see cref="OneClickUrl"/>.
/// A forged or expired token changes nothing and says so.
/// </summary>
public static class Unsubscribing
{
    public const string PageUrl = "/unsubscribe";

    public const string OneClickUrl = "/unsubscribe/one-click";

    public const string InvalidToken =
        "This unsubscribe link is not valid, or has expired. Nothing was changed: sign in to choose which e-mail you get.";

    public static IEndpointConventionBuilder MapUnsubscribe(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(OneClickUrl, async ([FromQuery] string? token, HttpRequest request, UnsubscribeTokens tokens,
            IDbContextFactory<ForumDbContext> dbFactory, TimeProvider clock, CancellationToken ct) =>
        {
            if (tokens.Read(token) is not var (userId, topic)) return Results.BadRequest(InvalidToken);
            await OptOutAsync(dbFactory, userId, topic, clock.GetUtcNow().UtcDateTime, ct);
            var oneClick = request.HasFormContentType
                && (await request.ReadFormAsync(ct))["List-Unsubscribe"] == "One-Click";
            return oneClick
                ? Results.Text("Unsubscribed: no more e-mail of this kind.")
                : Results.Redirect($"{PageUrl}?token={Uri.EscapeDataString(token!)}&done=true");
        }).DisableAntiforgery();

    /// <summary>
    /// The member gets no more mail of <paramref name="topic"/>: none from now on, and none of what was waiting to go out.
    /// Unsubscribing twice is the same as once.
    /// </summary>
    public static async Task OptOutAsync(IDbContextFactory<ForumDbContext> dbFactory, string userId, string topic, DateTime now,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.MailOptOuts.AnyAsync(o => o.UserId == userId && o.Topic == topic, ct))
            db.MailOptOuts.Add(new MailOptOut { UserId = userId, Topic = topic, At = now });
        await db.SaveChangesAsync(ct);
        if (topic == MailOptOut.Disputes)
        {
            await db.Notifications.Where(n => n.RecipientId == userId && n.MailedAt == null && n.MailDueAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailDueAt, (DateTime?)null), ct);
        }
        await tx.CommitAsync(ct);
    }
}
