using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// At start-up, writes the search document of every dispute that has none (those opened before search existed), a batch
/// at a time; from then on each step keeps its own dispute's document (<see cref="DisputeSearchIndexer"/>).
/// </summary>
internal sealed partial class DisputeSearchBackfill(IDbContextFactory<ForumDbContext> dbFactory, ILogger<DisputeSearchBackfill> logger)
    : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var written = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
            var disputes = await db.Disputes.Where(d => !db.DisputeSearchTexts.Any(t => t.DisputeId == d.Id))
                .OrderBy(d => d.Id).Take(Batch).ToListAsync(stoppingToken);
            if (disputes.Count == 0) break;
            foreach (var dispute in disputes) await DisputeSearchIndexer.IndexAsync(db, dispute, stoppingToken);
            try
            {
                await db.SaveChangesAsync(stoppingToken);
                written += disputes.Count;
            }
            catch (DbUpdateException)
            {
                // A step on one of them wrote its document meanwhile: the next round skips it.
            }
        }
        if (written > 0) LogIndexed(written);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Count} disputes for search.")]
    private partial void LogIndexed(int count);
}
