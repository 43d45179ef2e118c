using ConflictForum.Platform;

namespace ConflictForum.Features.Live;

/// <summary>
/// The parts of a dispute's page a reader who is not signed in sees change (<c>data-live-region</c>), and which change
/// moves which: the static page and the stream render each of them with the same component, <c>ReaderRegion</c>.
/// </summary>
public static class LiveRegions
{
    public const string Header = "header";
    public const string Offers = "offers";
    public const string Statements = "statements";
    public const string Fault = "fault";
    public const string Resolutions = "resolutions";
    public const string Comments = "comments";
    public const string Timeline = "timeline";

    public static readonly IReadOnlyList<string> All = [Header, Offers, Statements, Fault, Resolutions, Comments, Timeline];

    /// <returns>The regions <paramref name="changes"/> may have moved, in page order.</returns>
    public static IReadOnlyList<string> MovedBy(DisputeChanges changes)
    {
        // The status moves everything: what a reader may see (tallies at close, the discussion once open) follows it, and
        // moderation (hiding, locking) publishes it with every other flag.
        if (changes.HasFlag(DisputeChanges.Status)) return All;
        var moved = new List<string>(All.Count);
        if (changes.HasFlag(DisputeChanges.Offers)) moved.Add(Offers);
        if (changes.HasFlag(DisputeChanges.Statements)) moved.Add(Statements);
        if (changes.HasFlag(DisputeChanges.Tally)) moved.Add(Fault);
        if (changes.HasFlag(DisputeChanges.Resolutions)) moved.Add(Resolutions);
        if (changes.HasFlag(DisputeChanges.Comments)) moved.Add(Comments);
        if (changes.HasFlag(DisputeChanges.Timeline)) moved.Add(Timeline);
        return moved;
    }
}
