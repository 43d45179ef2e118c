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
    public static async Task<ForumActor> ReadAsync(ForumDbContext db, string? userId, DateTime now, CancellationToken ct)
    {
        if (userId is null) return ForumActor.Anonymous;
        var user = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.CreatedAt, u.SuspendedUntil })
            .SingleOrDefaultAsync(ct);
        if (user is null) return ForumActor.Anonymous;
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .ToListAsync(ct);
        return new ForumActor(userId, user.DisplayName, roles.Contains(ForumRoles.Moderator), roles.Contains(ForumRoles.Admin), user.CreatedAt,
            user.SuspendedUntil > now ? user.SuspendedUntil : null);
    }
}
