using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Notifications;

/// <summary>Runs <see cref="NotificationMailer"/> every <see cref="NotificationOptions.MailPoll"/>, in the background.</summary>
internal sealed partial class NotificationMailerService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<NotificationMailerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendMail) return;
        using var timer = new PeriodicTimer(options.Value.MailPoll, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the notifications that are due failed; the next round tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
