using System.Net;
using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Moderation;

public sealed class ModerationQueries(IDbContextFactory<ForumDbContext> dbFactory, ForumGuardian guardian)
{
    public const int QueueSize = 50;
    public const int LogPageSize = 50;

    /// <summary>
    /// Items with open flags or an appeal: most-flagged first, then the longest waiting. A moderator's own items are not
    /// listed to them, and who flagged an item (and their notes) shows only where this moderator may act on it.
    /// </summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(ForumActor moderator, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var states = await db.ModeratedItems.AsNoTracking()
            .Where(m => m.OpenFlags > 0 || (m.AppealedAt != null && m.AppealDecidedAt == null))
            .Where(m => m.AuthorId != moderator.UserId)
            .OrderByDescending(m => m.OpenFlags).ThenBy(m => m.WaitingSince ?? m.AppealedAt)
            .Take(QueueSize).ToListAsync(ct);
        if (states.Count == 0) return [];

        var disputeIds = states.Where(s => s.DisputeId != null).Select(s => s.DisputeId!.Value).Distinct().ToList();
        var disputes = await db.Disputes.AsNoTracking().Where(d => disputeIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var organisationIds = states.Where(s => s.Kind == ContentKind.Organisation).Select(s => (int)s.ItemId).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, ct);
        var userIds = states.Select(s => s.AuthorId).Concat(states.Where(s => s.HiddenById != null).Select(s => s.HiddenById!))
            .Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var flags = await OpenFlagsAsync(db, states, ct);
        var content = await ContentAsync(db, states, ct);
        var opponents = await Opponents.OfAsync(db, moderator.UserId, ct);
        var opposedOrganisations = organisations.Count == 0 ? [] : await Opponents.OrganisationsOfAsync(db, moderator.UserId, ct);

        return states.Select(s =>
        {
            var (heading, html) = content.GetValueOrDefault((s.Kind, s.ItemId), (null, ""));
            var opposed = opponents.Contains(s.AuthorId);
            var (place, url, canModerate) = s.DisputeId is { } disputeId
                ? (disputes[disputeId].Title, DisputeAddresses.DisputeUrl(disputeId),
                    guardian.CanModerate(moderator, disputes[disputeId], s.AuthorId, opposed))
                : ("its own page", OrganisationAddresses.PageUrl(organisations[(int)s.ItemId].Slug),
                    guardian.CanModerateOrganisation(moderator, (int)s.ItemId, s.AuthorId,
                        opposed || opposedOrganisations.Contains((int)s.ItemId)));
            return new QueueItem(s, place, url, names.GetValueOrDefault(s.AuthorId, "?"), heading, html,
                guardian.CanSeeFlags(moderator, canModerate)
                    ? flags.Where(f => f.Kind == s.Kind && f.ItemId == s.ItemId).Select(f => f.View).ToList()
                    : [],
                s.HiddenById is null ? null : names.GetValueOrDefault(s.HiddenById, "?"),
                canModerate, guardian.CanDecideAppeal(moderator, s, canModerate));
        }).ToList();
    }

    /// <summary>The public moderation log, newest first; <paramref name="before"/> continues from an entry id.</summary>
    public async Task<LogPage> LogAsync(long? before = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ModerationLog.AsNoTracking();
        if (before is { } b) query = query.Where(e => e.Id < b);
        var entries = await query.OrderByDescending(e => e.Id).Take(LogPageSize + 1).ToListAsync(ct);
        var more = entries.Count > LogPageSize;
        if (more) entries.RemoveAt(entries.Count - 1);
        return new LogPage(entries, more ? entries[^1].Id : null);
    }

    /// <summary>
    /// Members whose display name contains <paramref name="search"/>, with their roles and suspension (for the roles and suspension
    /// pages).
    /// </summary>
    public async Task<IReadOnlyList<MemberStanding>> MembersAsync(string? search, DateTime now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var normalized = Accounts.DisplayNames.Normalize(search);
            users = users.Where(u => u.NormalizedDisplayName.Contains(normalized));
        }
        var rows = await users.OrderBy(u => u.NormalizedDisplayName).Take(50)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.SuspendedUntil, u.SuspensionReason,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            }).ToListAsync(ct);
        return rows.Select(u => new MemberStanding(u.Id, u.DisplayName, u.Roles.Contains(Accounts.ForumRoles.Moderator),
            u.Roles.Contains(Accounts.ForumRoles.Admin),
            u.SuspendedUntil > now ? u.SuspendedUntil : null, u.SuspendedUntil > now ? u.SuspensionReason : null,
            u.Roles.Contains(Accounts.ForumRoles.Mediator))).ToList();
    }

    private static async Task<List<(ContentKind Kind, long ItemId, FlagView View)>> OpenFlagsAsync(ForumDbContext db,
        List<ModeratedItem> states, CancellationToken ct)
    {
        var itemIds = states.Select(s => s.ItemId).Distinct().ToList();
        var kinds = states.Select(s => s.Kind).Distinct().ToList();
        var rows = await db.Flags.AsNoTracking().Where(f => itemIds.Contains(f.ItemId) && kinds.Contains(f.Kind) && f.ReviewedAt == null)
            .Join(db.Users, f => f.FlaggerId, u => u.Id,
                (f, u) => new { f.Id, f.Kind, f.ItemId, u.DisplayName, f.Reason, f.Note, f.At })
            .ToListAsync(ct);
        return rows.OrderBy(f => f.At).ThenBy(f => f.Id)
            .Select(f => (f.Kind, f.ItemId, new FlagView(f.DisplayName, f.Reason, f.Note, f.At))).ToList();
    }

    /// <summary>What each item says, as sanitized HTML (a dispute's plain title and summary are encoded).</summary>
    private static async Task<Dictionary<(ContentKind, long), (string? Heading, string Html)>> ContentAsync(ForumDbContext db,
        List<ModeratedItem> states,
        CancellationToken ct)
    {
        List<long> Ids(ContentKind kind) => states.Where(s => s.Kind == kind).Select(s => s.ItemId).ToList();
        var content = new Dictionary<(ContentKind, long), (string?, string)>();
        var disputeIds = Ids(ContentKind.Dispute).Select(id => (int)id).ToList();
        foreach (var d in await db.Disputes.Where(d => disputeIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, d.Summary }).ToListAsync(ct))
            content[(ContentKind.Dispute, d.Id)] = (d.Title, $"<p>{WebUtility.HtmlEncode(d.Summary)}</p>");
        var statementIds = Ids(ContentKind.Statement).Select(id => (int)id).ToList();
        foreach (var s in await db.Statements.Where(s => statementIds.Contains(s.Id)).Select(s => new { s.Id, s.Html }).ToListAsync(ct))
            content[(ContentKind.Statement, s.Id)] = (null, s.Html);
        var entryIds = Ids(ContentKind.Reply).Concat(Ids(ContentKind.MediatorNote)).ToList();
        foreach (var r in await db.TimelineEntries.Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Kind, e.BodyHtml }).ToListAsync(ct))
            content[(TimelineKinds.ContentOf(r.Kind) ?? ContentKind.Reply, r.Id)] = (null, r.BodyHtml ?? "");
        var commentIds = Ids(ContentKind.Comment).Select(id => (int)id).ToList();
        foreach (var c in await db.Comments.Where(c => commentIds.Contains(c.Id)).Select(c => new { c.Id, c.Html }).ToListAsync(ct))
            content[(ContentKind.Comment, c.Id)] = (null, c.Html);
        var resolutionIds = Ids(ContentKind.Resolution).Select(id => (int)id).ToList();
        foreach (var r in await db.Resolutions.Where(r => resolutionIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, r.Html }).ToListAsync(ct))
            content[(ContentKind.Resolution, r.Id)] = (r.Title, r.Html);
        var organisationIds = Ids(ContentKind.Organisation).Select(id => (int)id).ToList();
        foreach (var o in await db.Organisations.Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Description, o.Website }).ToListAsync(ct))
        {
            content[(ContentKind.Organisation, o.Id)] = (o.Name,
                $"<p>{WebUtility.HtmlEncode(o.Website)}</p><p>{WebUtility.HtmlEncode(o.Description)}</p>");
        }
        return content;
    }
}
