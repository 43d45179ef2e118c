using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Moderation;

/// <summary>
/// Who a member is in a dispute with (the two parties of any dispute, whatever its state): a moderator does not act on
/// those members or their words. Read in the caller's context, so a write decides on what its transaction sees.
/// </summary>
public static class Opponents
{
    public static Task<bool> AreAsync(ForumDbContext db, string? userId, string otherId, CancellationToken ct) =>
        userId is null || userId == otherId
            ? Task.FromResult(false)
            : db.Disputes.AnyAsync(d => (d.ClaimantId == userId && d.RespondentId == otherId)
                || (d.ClaimantId == otherId && d.RespondentId == userId), ct);

    /// <summary>
    /// Whether the member is in a dispute with the organisation (as the claimant of a dispute against it) or with its author.
    /// </summary>
    public static async Task<bool> AreWithOrganisationAsync(ForumDbContext db, string? userId, int organisationId, string authorId,
        CancellationToken ct) =>
        userId is not null && (await db.Disputes.AnyAsync(d => d.ClaimantId == userId && d.RespondentOrganisationId == organisationId, ct)
            || await AreAsync(db, userId, authorId, ct));

    /// <summary>The organisations the member opened a dispute against.</summary>
    public static async Task<HashSet<int>> OrganisationsOfAsync(ForumDbContext db, string? userId, CancellationToken ct) =>
        userId is null ? []
        : [.. await db.Disputes.Where(d => d.ClaimantId == userId && d.RespondentOrganisationId != null)
            .Select(d => d.RespondentOrganisationId!.Value).Distinct().ToListAsync(ct)];

    public static async Task<HashSet<string>> OfAsync(ForumDbContext db, string? userId, CancellationToken ct)
    {
        if (userId is null) return [];
        var asClaimant = db.Disputes.Where(d => d.ClaimantId == userId && d.RespondentId != null).Select(d => d.RespondentId!);
        var asRespondent = db.Disputes.Where(d => d.RespondentId == userId).Select(d => d.ClaimantId);
        return [.. await asClaimant.Union(asRespondent).ToListAsync(ct)];
    }
}
