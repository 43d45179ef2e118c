using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Content;

/// <summary>The hidden items of one dispute, for one reader.</summary>
public sealed class HiddenItems
{
    public static readonly HiddenItems None = new([]);

    /// <summary>What the author reads once they appealed, until it is decided.</summary>
    public const string AppealWaiting = "Your appeal is waiting for another moderator.";

    private readonly Dictionary<(ContentKind, long), HiddenNotice> notices;

    private HiddenItems(Dictionary<(ContentKind, long), HiddenNotice> notices) => this.notices = notices;

    public HiddenNotice? For(ContentKind kind, long itemId) => notices.GetValueOrDefault((kind, itemId));

    /// <summary>
    /// One indexed read of the dispute's hidden items (of one kind, and among <paramref name="ids"/> when given, so a page of
    /// comments costs the same however many are hidden elsewhere in the discussion).
    /// </summary>
    public static Task<HiddenItems> LoadAsync(ForumGuardian guardian, ForumDbContext db, int disputeId, ForumActor viewer,
        ContentKind kind, IReadOnlyCollection<long>? ids = null, CancellationToken ct = default) =>
        LoadAsync(guardian, db, disputeId, viewer, [kind], ids, ct);

    public static async Task<HiddenItems> LoadAsync(ForumGuardian guardian, ForumDbContext db, int disputeId, ForumActor viewer,
        ContentKind[] kinds,
        IReadOnlyCollection<long>? ids = null, CancellationToken ct = default)
    {
        var rows = db.ModeratedItems.AsNoTracking().Where(m => m.DisputeId == disputeId && m.HiddenAt != null && kinds.Contains(m.Kind));
        if (ids is not null) rows = rows.Where(m => ids.Contains(m.ItemId));
        return Of(guardian, await rows.ToListAsync(ct), viewer);
    }

    /// <summary>The notices of hidden items already read, as <paramref name="viewer"/> may see them.</summary>
    public static HiddenItems Of(ForumGuardian guardian, IEnumerable<ModeratedItem> hidden, ForumActor viewer) =>
        hidden.ToDictionary(m => (m.Kind, m.ItemId), m => NoticeFor(guardian, m, viewer)) is { Count: > 0 } notices
            ? new HiddenItems(notices)
            : None;

    public static HiddenNotice NoticeFor(ForumGuardian guardian, ModeratedItem item, ForumActor viewer) =>
        new(item.Kind, item.ItemId, item.HiddenReason ?? "",
        item.HiddenById is null, guardian.CanReadHidden(viewer, item.AuthorId), guardian.CanAppeal(viewer, item).Allowed,
        AppealState(item, viewer));

    private static string? AppealState(ModeratedItem item, ForumActor viewer) =>
        item.AppealedAt is null ? null
        : viewer.Is(item.AuthorId) ? (item.AppealPending ? AppealWaiting : "Your appeal was refused.")
        : viewer.IsModerator && item.AppealPending ? $"The author appealed: {item.AppealNote}"
        : null;
}
