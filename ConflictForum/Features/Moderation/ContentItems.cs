using ConflictForum.Data;
using ConflictForum.Features.Content;
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
            _ => Task.FromResult<ContentItem?>(null),
        };

    private static Task<ContentItem?> EntryAsync(ForumDbContext db, ContentKind kind, long id, TimelineKind entryKind,
        CancellationToken ct) =>
        db.TimelineEntries.Where(e => e.Id == id && e.Kind == entryKind && e.ActorId != null)
            .Select(e => new ContentItem(kind, id, e.DisputeId, e.ActorId!)).SingleOrDefaultAsync(ct);

    public static string Reason(FlagReason reason) => reason switch
    {
        FlagReason.Abuse => "Abuse or harassment",
        FlagReason.Spam => "Spam",
        FlagReason.PersonalInformation => "Personal information",
        FlagReason.OffTopic => "Off-topic",
        _ => "Other",
    };
}
