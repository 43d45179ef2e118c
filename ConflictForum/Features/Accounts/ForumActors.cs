using System.Security.Claims;
using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Accounts;

/// <summary>Builds the <see cref="ForumActor"/> for an action from the signed-in user, re-read from the database.</summary>
public sealed class ForumActors(IDbContextFactory<ForumDbContext> dbFactory, AuthenticationStateProvider authentication, TimeProvider clock,
    IOptions<IdentityOptions> identity)
{
    public async Task<ForumActor> CurrentAsync(CancellationToken ct = default) =>
        await ForPrincipalAsync((await authentication.GetAuthenticationStateAsync()).User, ct);

    /// <summary>
    /// The actor signed in as <paramref name="user"/>: for an endpoint outside Blazor, which has the request's user but no
    /// authentication state to read it from.
    /// </summary>
    public async Task<ForumActor> ForPrincipalAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return ForumActor.Anonymous;
        // Bound to the sign-in the page was opened with: once that sign-in ends elsewhere, this page's next write is refused.
        var session = ForumActor.Anonymous with
        {
            UserId = userId,
            SessionStamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "",
            SignInId = user.FindFirstValue(ForumClaims.SignInIdType),
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, session, clock.GetUtcNow().UtcDateTime, ct);
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
        userId is null ? ForumActor.Anonymous
            : (await ReadManyAsync(db, [userId], now, ct)).GetValueOrDefault(userId, ForumActor.Anonymous);

    /// <summary>
    /// <paramref name="actor"/>'s standing as <paramref name="db"/> has it at <paramref name="now"/>, or
    /// <see cref="ForumActor.SessionEnded"/> when the sign-in it acts through has ended since (its security stamp moved).
    /// </summary>
    public static async Task<ForumActor> ReadAsync(ForumDbContext db, ForumActor actor, DateTime now, CancellationToken ct) =>
        (await ReadManyAsync(db, [actor], now, ct))[0];

    /// <summary>Several members' standing in two queries (a batch of votes); members who no longer exist are left out.</summary>
    public static async Task<Dictionary<string, ForumActor>> ReadManyAsync(
        ForumDbContext db, IReadOnlyCollection<string> userIds, DateTime now, CancellationToken ct) =>
        (await ReadStandingAsync(db, userIds, now, ct)).ToDictionary(s => s.Key, s => s.Value.Actor);

    /// <summary>
    /// The standing of each of <paramref name="actors"/>, in their order: anonymous for a member who no longer exists,
    /// <see cref="ForumActor.SessionEnded"/> for one whose sign-in has ended since their page opened.
    /// </summary>
    public static async Task<ForumActor[]> ReadManyAsync(ForumDbContext db,
        IReadOnlyList<ForumActor> actors, DateTime now, CancellationToken ct)
    {
        var ids = actors.Select(a => a.UserId).OfType<string>().Distinct().ToList();
        var standing = ids.Count == 0 ? new() : await ReadStandingAsync(db, ids, now, ct);
        var signIns = actors.Select(a => a.SignInId).OfType<string>().Distinct().ToList();
        var signedOut = signIns.Count == 0 ? []
            : (await db.EndedSignIns.Where(e => signIns.Contains(e.SignInId)).Select(e => e.SignInId).ToListAsync(ct)).ToHashSet();
        return [.. actors.Select(asked =>
            asked.UserId is null ? asked.HasSessionEnded ? ForumActor.SessionEnded : ForumActor.Anonymous
            : !standing.TryGetValue(asked.UserId, out var stored) ? ForumActor.Anonymous
            : asked.SessionStamp is null ? stored.Actor
            : asked.SessionStamp == stored.SecurityStamp && (asked.SignInId is null || !signedOut.Contains(asked.SignInId))
                ? stored.Actor with { SessionStamp = asked.SessionStamp, SignInId = asked.SignInId }
            // A suspension ends the member's sign-ins too: their open pages still say why they cannot write.
            : ForumActor.SessionEnded with { SuspendedUntil = stored.Actor.SuspendedUntil })];
    }

    private static async Task<Dictionary<string, (ForumActor Actor, string? SecurityStamp)>> ReadStandingAsync(ForumDbContext db,
        IReadOnlyCollection<string> userIds, DateTime now, CancellationToken ct)
    {
        var users = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.CreatedAt, u.SuspendedUntil, u.SecurityStamp })
            .ToListAsync(ct);
        var roles = await db.UserRoles.Where(r => userIds.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var memberships = await db.OrganisationMembershipsAsync(userIds, ct);
        return users.ToDictionary(u => u.Id, u => (new ForumActor(u.Id, u.DisplayName,
            roles.Exists(r => r.UserId == u.Id && r.Name == ForumRoles.Moderator),
            roles.Exists(r => r.UserId == u.Id && r.Name == ForumRoles.Admin),
            u.CreatedAt, u.SuspendedUntil > now ? u.SuspendedUntil : null)
        {
            IsMediator = roles.Exists(r => r.UserId == u.Id && r.Name == ForumRoles.Mediator),
            Organisations = [.. memberships.Where(m => m.UserId == u.Id).Select(m => m.OrganisationId).Order()],
        }, u.SecurityStamp));
    }
}
