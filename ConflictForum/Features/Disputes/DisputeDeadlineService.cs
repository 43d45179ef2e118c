using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>Moves disputes past their deadlines on a timer. Writes also apply due deadlines, so nothing waits on this.</summary>
internal sealed partial class DisputeDeadlineService(IServiceScopeFactory scopes, IOptions<DisputeOptions> options,
    TimeProvider clock, ILogger<DisputeDeadlineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlineSweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var moved = await scope.ServiceProvider.GetRequiredService<DisputeService>().ApplyDueDeadlinesAsync(stoppingToken);
                if (moved > 0) LogMoved(logger, moved);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadlines moved {Count} disputes.")]
    private static partial void LogMoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline sweep failed; it runs again at the next tick.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
