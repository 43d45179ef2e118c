using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Content;

/// <summary>Reads of moderation state that the services share.</summary>
public static class ModeratedItemQueries
{
    /// <summary>Whether a moderator hid the item now: what is hidden is not built on (supported, answered, adopted as terms).</summary>
    public static Task<bool> IsHiddenAsync(this IQueryable<ModeratedItem> items, ContentKind kind, long itemId,
        CancellationToken ct = default) =>
        items.AnyAsync(m => m.Kind == kind && m.ItemId == itemId && m.HiddenAt != null, ct);

    /// <summary>Whether the item is hidden as the write on <paramref name="db"/> leaves it: its tracked state, else the database.</summary>
    public static async Task<bool> IsHiddenNowAsync(this ForumDbContext db, ContentKind kind, long itemId, CancellationToken ct) =>
        db.ModeratedItems.Local.FirstOrDefault(m => m.Kind == kind && m.ItemId == itemId) is { } tracked
            ? tracked.IsHidden
            : await db.ModeratedItems.IsHiddenAsync(kind, itemId, ct);
}
