using ConflictForum.Features.Content;
using ConflictForum.Platform;

namespace ConflictForum.Features.Moderation;

/// <summary>
/// The flag buttons of one panel, rendered by <see cref="FlagButton.Spot"/>. A transient service: each panel that injects it
/// gets its own, as it had its own FlagButton per item. Until a member clicks one, a button is plain markup in the panel's
/// render tree, not a component per item (a member's page holds one per statement, comment, reply and resolution); the item
/// clicked gets a <see cref="FlagButton"/>, opened, which keeps its form and its "flagged" note from then on.
/// </summary>
/// <param name="flagged">What the page's reader already flagged; null where nothing keeps it (a panel rendered on its own).</param>
public sealed class FlagSpots(ForumGuardian guardian, ReaderFlags? flagged = null)
{
    private HashSet<(ContentKind, long)>? clicked;

    /// <summary>Whether <paramref name="viewer"/> is offered the flag on words by <paramref name="authorId"/>.</summary>
    internal bool Offers(ForumActor? viewer, string authorId) => viewer is not null && guardian.CanFlag(viewer, authorId).Allowed;

    /// <summary>Whether the page's reader flagged the item already (<see cref="ReaderFlags"/>, read once for the page).</summary>
    internal bool AlreadyFlagged(ContentKind kind, long itemId) => flagged?.Has(kind, itemId) == true;

    internal bool WasClicked(ContentKind kind, long itemId) => clicked?.Contains((kind, itemId)) == true;

    internal void Click(ContentKind kind, long itemId) => (clicked ??= []).Add((kind, itemId));
}
