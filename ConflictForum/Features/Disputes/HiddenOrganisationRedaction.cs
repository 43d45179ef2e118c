using System.Text.RegularExpressions;
using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// A hidden organisation's name, blanked in the timeline entries of a dispute against it for a reader who may not read it:
/// the entries name it as the respondent and sign its agents' steps ("Alex for Bolt Couriers Ltd"). The entries are untracked
/// copies; the record itself never changes.
/// </summary>
public static class HiddenOrganisationRedaction
{
    /// <summary>
    /// Whom a moderator's hiding of <paramref name="organisationId"/> protects (the author the guardian asks about), or null
    /// when it is not hidden (or none is given).
    /// </summary>
    public static async Task<string?> HiddenByAsync(ForumDbContext db, int? organisationId, CancellationToken ct) =>
        organisationId is not { } id ? null
        : await db.ModeratedItems.Where(m => m.Kind == ContentKind.Organisation && m.ItemId == id && m.HiddenAt != null)
            .Select(m => m.AuthorId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Blanks the hidden organisation's name in <paramref name="dispute"/> (an untracked copy) for a reader who may not read
    /// it, so its agents' words are signed "Alex for Hidden organisation".
    /// </summary>
    public static void BlankFor(Dispute dispute, string? hiddenBy, ForumGuardian guardian, ForumActor viewer)
    {
        if (hiddenBy is not null && !guardian.CanReadHidden(viewer, hiddenBy)) dispute.RespondentName = OrganisationNames.HiddenName;
    }

    public static async Task RedactAsync(ForumDbContext db, ForumGuardian guardian, int disputeId, ForumActor viewer,
        List<TimelineEntry> entries, CancellationToken ct)
    {
        var hidden = await db.Disputes.Where(d => d.Id == disputeId)
            .Join(db.Organisations, d => d.RespondentOrganisationId, o => o.Id, (_, o) => new
            {
                o.Name,
                AuthorId = db.ModeratedItems.Where(m => m.Kind == ContentKind.Organisation && m.ItemId == o.Id && m.HiddenAt != null)
                    .Select(m => m.AuthorId).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (hidden is not { AuthorId: { } author } || guardian.CanReadHidden(viewer, author)) return;
        // Whole words only: a short name must not blank the middle of another word.
        var name = new Regex($@"(?<!\w){Regex.Escape(hidden.Name)}(?!\w)", RegexOptions.None, TimeSpan.FromSeconds(1));
        foreach (var entry in entries)
        {
            (entry.Summary, entry.ActorName) =
                (name.Replace(entry.Summary, OrganisationNames.HiddenName), name.Replace(entry.ActorName, OrganisationNames.HiddenName));
        }
    }
}
