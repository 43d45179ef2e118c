using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Organisations;

/// <summary>Organisations as readers see them: the list, and one organisation's page.</summary>
public sealed class OrganisationQueries(IDbContextFactory<ForumDbContext> dbFactory)
{
    public const int ListSize = 100;

    /// <summary>Verified organisations first, then by name.</summary>
    public async Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Verification == OrganisationVerification.None).ThenBy(o => o.NormalizedName)
            .Take(ListSize).ToListAsync(ct);
    }

    public const int SearchSize = 5;

    /// <summary>
    /// Organisations whose name holds <paramref name="text"/> (ignoring case and spacing): the exact name first, then
    /// verified ones; none for fewer than two characters.
    /// </summary>
    public async Task<IReadOnlyList<Organisation>> SearchAsync(string? text, CancellationToken ct = default)
    {
        var normalized = OrganisationNames.Normalize(text);
        if (normalized.Length < 2) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organisations.AsNoTracking().Where(o => o.NormalizedName.Contains(normalized))
            .OrderBy(o => o.NormalizedName != normalized).ThenBy(o => o.Verification == OrganisationVerification.None)
            .ThenBy(o => o.NormalizedName).Take(SearchSize).ToListAsync(ct);
    }

    /// <returns>The organisation at <paramref name="slug"/>, or null when there is none.</returns>
    public async Task<OrganisationView?> GetAsync(string slug, ForumActor viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug, ct) is not { } organisation) return null;
        var members = await db.OrganisationMembers.Where(m => m.OrganisationId == organisation.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, m.Role })
            .OrderBy(m => m.Role == OrganisationRole.Owner ? 0 : 1).ThenBy(m => m.DisplayName).ToListAsync(ct);
        return new OrganisationView(organisation, [.. members.Select(m => (m.UserId, m.DisplayName, m.Role))],
            members.Find(m => m.UserId == viewer.UserId)?.Role);
    }
}
