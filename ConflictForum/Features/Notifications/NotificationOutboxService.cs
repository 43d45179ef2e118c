using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Empties the notification outbox every <see cref="NotificationOptions.MailPoll"/>, in the background: followers told
/// (<see cref="FollowerFanOut"/>), then the mail that is due sent (<see cref="NotificationMailer"/>); and every
/// <see cref="NotificationOptions.ReminderPoll"/> writes the reminders that have come due (<see cref="DeadlineReminders"/>,
/// <see cref="ModerationQueueAlerts"/>).
/// </summary>
internal sealed partial class NotificationOutboxService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<NotificationOutboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunOutbox) return;
        using var timer = new PeriodicTimer(options.Value.MailPoll, clock);
        var remindedAt = DateTimeOffset.MinValue;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (clock.GetUtcNow() - remindedAt >= options.Value.ReminderPoll)
                {
                    remindedAt = clock.GetUtcNow();
                    await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().RunAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<ModerationQueueAlerts>().RunAsync(stoppingToken);
                }
                await scope.ServiceProvider.GetRequiredService<FollowerFanOut>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Emptying the notification outbox failed; the next round tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
