using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Content;

/// <summary>Reads of moderation state that the services share.</summary>
public static class ModeratedItemQueries
{
    /// <summary>Whether a moderator hid the item now: what is hidden is not built on (supported, answered, adopted as terms).</summary>
    public static Task<bool> IsHiddenAsync(this IQueryable<ModeratedItem> items, ContentKind kind, long itemId,
        CancellationToken ct = default) =>
        items.AnyAsync(m => m.Kind == kind && m.ItemId == itemId && m.HiddenAt != null, ct);
}
