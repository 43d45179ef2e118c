using Microsoft.AspNetCore.Mvc;

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
            NotificationPreferences preferences, CancellationToken ct) =>
        {
            if (tokens.Read(token) is not var (userId, topic)) return Results.BadRequest(InvalidToken);
            // Unsubscribing twice is the same as once; what waits to be mailed of the topic is kept back too.
            await preferences.SetAsync(userId, topic, NotificationDelivery.Forum, ct);
            var oneClick = request.HasFormContentType
                && (await request.ReadFormAsync(ct))["List-Unsubscribe"] == "One-Click";
            return oneClick
                ? Results.Text("Unsubscribed: no more e-mail of this kind.")
                : Results.Redirect($"{PageUrl}?token={Uri.EscapeDataString(token!)}&done=true");
        }).DisableAntiforgery();
}
