using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Organisations;

/// <summary>Organisations as readers see them: the list, and one organisation's page.</summary>
public sealed class OrganisationQueries(IDbContextFactory<ForumDbContext> dbFactory, ForumGuardian guardian)
{
    public const int ListSize = 100;

    /// <summary>Verified organisations first, then by name.</summary>
    public async Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Shown(db)
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
        return await Shown(db).Where(o => o.NormalizedName.Contains(normalized))
            .OrderBy(o => o.NormalizedName != normalized).ThenBy(o => o.Verification == OrganisationVerification.None)
            .ThenBy(o => o.NormalizedName).Take(SearchSize).ToListAsync(ct);
    }

    /// <returns>The organisation at <paramref name="slug"/>, or null when there is none.</returns>
    public async Task<OrganisationView?> GetAsync(string slug, ForumActor viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug, ct) is not { } organisation) return null;
        var members = await db.OrganisationMembers.Where(m => m.OrganisationId == organisation.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, m.Role, m.JoinedAt })
            .OrderBy(m => m.Role == OrganisationRole.Owner ? 0 : 1).ThenBy(m => m.DisplayName).ToListAsync(ct);
        var author = members.Where(m => m.Role == OrganisationRole.Owner)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId, StringComparer.Ordinal).Select(m => m.UserId).FirstOrDefault() ?? "";
        var hidden = await db.ModeratedItems.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Kind == ContentKind.Organisation && m.ItemId == organisation.Id && m.HiddenAt != null, ct);
        return new OrganisationView(organisation, [.. members.Select(m => (m.UserId, m.DisplayName, m.Role))],
            members.Find(m => m.UserId == viewer.UserId)?.Role, author,
            hidden is null ? null : HiddenItems.NoticeFor(guardian, hidden, viewer));
    }

    /// <summary>The organisations no moderator hid: only these are listed and offered to a claimant.</summary>
    private static IQueryable<Organisation> Shown(ForumDbContext db) =>
        db.Organisations.AsNoTracking()
            .Where(o => !db.ModeratedItems.Any(m => m.Kind == ContentKind.Organisation && m.ItemId == o.Id && m.HiddenAt != null));
}
