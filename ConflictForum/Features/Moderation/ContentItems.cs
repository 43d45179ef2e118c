using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Moderation;

public static class ContentItems
{
    /// <summary>The item, or null when there is no such item. A deleted comment is gone from view, so it cannot be flagged,
    /// but moderators still act on it (its flags may wait in the queue).</summary>
    public static Task<ContentItem?> FindAsync(ForumDbContext db, ContentKind kind, long id, bool includeDeleted,
        CancellationToken ct) => kind switch
        {
            ContentKind.Dispute => db.Disputes.Where(d => d.Id == id)
                .Select(d => new ContentItem(kind, id, d.Id, d.ClaimantId)).SingleOrDefaultAsync(ct),
            ContentKind.Statement => db.Statements.Where(s => s.Id == id)
                .Select(s => new ContentItem(kind, id, s.DisputeId, s.AuthorId)).SingleOrDefaultAsync(ct),
            ContentKind.Reply => EntryAsync(db, kind, id, TimelineKind.Reply, ct),
            ContentKind.MediatorNote => EntryAsync(db, kind, id, TimelineKind.MediatorNote, ct),
            ContentKind.Comment => db.Comments.Where(c => c.Id == id && (includeDeleted || c.DeletedAt == null))
                .Select(c => new ContentItem(kind, id, c.DisputeId, c.AuthorId)).SingleOrDefaultAsync(ct),
            ContentKind.Resolution => db.Resolutions.Where(r => r.Id == id)
                .Select(r => new ContentItem(kind, id, r.DisputeId, r.ProposerId)).SingleOrDefaultAsync(ct),
            ContentKind.Organisation => OrganisationAsync(db, id, ct),
            _ => Task.FromResult<ContentItem?>(null),
        };

    private static Task<ContentItem?> EntryAsync(ForumDbContext db, ContentKind kind, long id, TimelineKind entryKind,
        CancellationToken ct) =>
        db.TimelineEntries.Where(e => e.Id == id && e.Kind == entryKind && e.ActorId != null)
            .Select(e => new ContentItem(kind, id, e.DisputeId, e.ActorId!)).SingleOrDefaultAsync(ct);

    /// <summary>An organisation belongs to no dispute; its author is its first owner, who may appeal its hiding.</summary>
    private static Task<ContentItem?> OrganisationAsync(ForumDbContext db, long id, CancellationToken ct) =>
        db.Organisations.Where(o => o.Id == id)
            .Select(o => new ContentItem(ContentKind.Organisation, id, null, db.OrganisationMembers
                .Where(m => m.OrganisationId == o.Id && m.Role == OrganisationRole.Owner)
                .OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId).Select(m => m.UserId).First()))
            .SingleOrDefaultAsync(ct);

    public static string Reason(FlagReason reason) => reason switch
    {
        FlagReason.Abuse => "Abuse or harassment",
        FlagReason.Spam => "Spam",
        FlagReason.PersonalInformation => "Personal information",
        FlagReason.OffTopic => "Off-topic",
        _ => "Other",
    };
}
