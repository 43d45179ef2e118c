using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Accounts;

/// <summary>Builds the <see cref="ForumActor"/> for an action from the signed-in user, re-read from the database.</summary>
public sealed class ForumActors(IDbContextFactory<ForumDbContext> dbFactory, AuthenticationStateProvider authentication, TimeProvider clock)
{
    public async Task<ForumActor> CurrentAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var userId = state.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return await ForUserAsync(userId, ct);
    }

    public async Task<ForumActor> ForUserAsync(string? userId, CancellationToken ct = default)
    {
        if (userId is null) return ForumActor.Anonymous;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, userId, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>
    /// The member's standing (roles, suspension) as <paramref name="db"/> has it at <paramref name="now"/>. Writers call this
    /// inside their transaction, so a suspension or a revoked role counts from the next write on, whatever a page still shows.
    /// </summary>
    public static async Task<ForumActor> ReadAsync(ForumDbContext db, string? userId, DateTime now, CancellationToken ct) =>
        userId is null ? ForumActor.Anonymous : (await ReadManyAsync(db, [userId], now, ct)).GetValueOrDefault(userId, ForumActor.Anonymous);

    /// <summary>Several members' standing in two queries (a batch of votes); members who no longer exist are left out.</summary>
    public static async Task<Dictionary<string, ForumActor>> ReadManyAsync(ForumDbContext db, IReadOnlyCollection<string> userIds, DateTime now,
        CancellationToken ct)
    {
        var users = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.CreatedAt, u.SuspendedUntil })
            .ToListAsync(ct);
        var roles = await db.UserRoles.Where(r => userIds.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => new ForumActor(u.Id, u.DisplayName,
            roles.Exists(r => r.UserId == u.Id && r.Name == ForumRoles.Moderator), roles.Exists(r => r.UserId == u.Id && r.Name == ForumRoles.Admin),
            u.CreatedAt, u.SuspendedUntil > now ? u.SuspendedUntil : null));
    }
}
