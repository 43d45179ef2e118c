using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Threading.Channels;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>The signed-in member's unread count as server-sent events: now, and again whenever it may have changed.</summary>
    public const string LiveUrl = "/notifications/live";

    public static WebApplicationBuilder AddForumNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IDisputeCommitting, RecordNotices>();
        builder.Services.AddScoped<NotificationCenter>();
        builder.Services.AddScoped<NotificationPreferences>();
        builder.Services.AddScoped<DeadlineReminders>();
        builder.Services.AddScoped<ModerationQueueAlerts>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddScoped<NotificationMailer>();
        builder.Services.AddScoped<FollowerFanOut>();
        builder.Services.AddScoped<Following>();
        builder.Services.AddHostedService<NotificationOutboxService>();
        return builder;
    }

    public static IEndpointConventionBuilder MapNotificationStream(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(LiveUrl, (ClaimsPrincipal user, NotificationCenter center, IDisputeEvents events, CancellationToken ct) =>
            user.FindFirstValue(ClaimTypes.NameIdentifier) is { } me
                ? Results.ServerSentEvents(UnreadCounts(me, center, events, ct), eventType: "unread")
                : Results.Unauthorized());

    /// <summary>The count now, then after each change of the member's inbox (changes in a burst coalesce into one read).</summary>
    private static async IAsyncEnumerable<string> UnreadCounts(string me, NotificationCenter center, IDisputeEvents events,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var _ = events.SubscribeInbox(me, _ =>
        {
            changed.Writer.TryWrite(true);
            return Task.CompletedTask;
        });
        var actor = ForumActor.Anonymous with { UserId = me };
        while (!ct.IsCancellationRequested)
        {
            yield return (await center.UnreadAsync(actor, ct)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                await changed.Reader.ReadAsync(ct);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
