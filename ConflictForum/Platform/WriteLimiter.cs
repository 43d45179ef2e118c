using System.ComponentModel.DataAnnotations;
using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace ConflictForum.Platform;

public enum WriteAction
{
    Dispute,
    Reply,
    Comment,
    Vote,
    Resolution,
    Flag,
}

/// <summary>One counted write of one member, kept for the limiter's window.</summary>
public sealed class WriteEvent
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public WriteAction Action { get; set; }

    public DateTime At { get; set; }
}

internal sealed class WriteEventConfiguration : IEntityTypeConfiguration<WriteEvent>
{
    public void Configure(EntityTypeBuilder<WriteEvent> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => new { x.UserId, x.Action, x.At });
    }
}

/// <summary>How many writes of each kind one member may make per window. Defaults suit a busy human, not a script.</summary>
public sealed class WriteLimitOptions
{
    public const string Section = "AbuseLimits:Writes";

    [Range(1, 100_000)] public int DisputesPerDay { get; set; } = 5;

    [Range(1, 100_000)] public int RepliesPerMinute { get; set; } = 6;

    [Range(1, 100_000)] public int CommentsPerMinute { get; set; } = 6;

    [Range(1, 100_000)] public int VotesPerMinute { get; set; } = 30;

    [Range(1, 100_000)] public int ResolutionsPerHour { get; set; } = 5;

    [Range(1, 100_000)] public int FlagsPerHour { get; set; } = 20;

    public (int Limit, TimeSpan Window) RuleFor(WriteAction action) => action switch
    {
        WriteAction.Dispute => (DisputesPerDay, TimeSpan.FromDays(1)),
        WriteAction.Reply => (RepliesPerMinute, TimeSpan.FromMinutes(1)),
        WriteAction.Comment => (CommentsPerMinute, TimeSpan.FromMinutes(1)),
        WriteAction.Vote => (VotesPerMinute, TimeSpan.FromMinutes(1)),
        WriteAction.Resolution => (ResolutionsPerHour, TimeSpan.FromHours(1)),
        _ => (FlagsPerHour, TimeSpan.FromHours(1)),
    };
}

/// <summary>
/// Per-member write limits, counted in the database inside the write's own transaction, so they hold across app
/// instances. (Clicks inside a circuit never reach ASP.NET Core's rate-limiting middleware.)
/// </summary>
public sealed class WriteLimiter(IOptions<WriteLimitOptions> options)
{
    /// <summary>Refuses with "slow down" when the member is at the limit; otherwise records this write.</summary>
    public async Task<Decision> CheckAndRecordAsync(ForumDbContext db, string userId, WriteAction action, DateTime now, CancellationToken ct)
    {
        var recent = await RecentAsync(db, [userId], action, now, ct);
        return CheckAndRecord(db, recent, userId, action, now);
    }

    /// <summary>Several members' recent writes of one kind, in one query, for <see cref="CheckAndRecord"/> (a batch of votes).</summary>
    public async Task<Dictionary<string, Recent>> RecentAsync(ForumDbContext db, IReadOnlyCollection<string> userIds, WriteAction action, DateTime now,
        CancellationToken ct)
    {
        var since = now - options.Value.RuleFor(action).Window;
        return await db.WriteEvents.Where(w => userIds.Contains(w.UserId) && w.Action == action && w.At > since)
            .GroupBy(w => w.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count(), Oldest = g.Min(w => w.At) })
            .ToDictionaryAsync(g => g.UserId, g => new Recent(g.Count, g.Oldest), ct);
    }

    /// <summary>
    /// Judges one write against <paramref name="recent"/> and, when allowed, records it there and in <paramref name="db"/>, so the
    /// member's next write in the same batch counts this one.
    /// </summary>
    public Decision CheckAndRecord(ForumDbContext db, Dictionary<string, Recent> recent, string userId, WriteAction action, DateTime now)
    {
        var (limit, window) = options.Value.RuleFor(action);
        var mine = recent.GetValueOrDefault(userId);
        if (mine.Count >= limit)
        {
            var wait = Math.Max(1, (int)Math.Ceiling((mine.Oldest + window - now).TotalSeconds));
            return Decision.Denied($"Slow down: try again in {wait} seconds. Your text is kept.");
        }
        recent[userId] = new Recent(mine.Count + 1, mine.Count == 0 ? now : mine.Oldest);
        db.WriteEvents.Add(new WriteEvent { UserId = userId, Action = action, At = now });
        return Decision.Granted;
    }

    /// <summary>How many writes of one kind a member made in the window, and when the oldest of them was.</summary>
    public readonly record struct Recent(int Count, DateTime Oldest);

    /// <summary>Deletes events older than the longest window; they can no longer count against anyone.</summary>
    public Task<int> PruneAsync(ForumDbContext db, DateTime now, CancellationToken ct)
    {
        var longest = Enum.GetValues<WriteAction>().Max(a => options.Value.RuleFor(a).Window);
        var cutoff = now - longest;
        return db.WriteEvents.Where(w => w.At < cutoff).ExecuteDeleteAsync(ct);
    }
}
