using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features.Live;

/// <summary>
/// The parts of a dispute's page a reader who is not signed in sees change (<c>data-live-region</c>), and which change
/// moves which: the static page and the stream render each of them with the same component, <c>ReaderRegion</c>.
/// </summary>
public static class LiveRegions
{
    public const string Header = "header";
    public const string Statements = "statements";
    public const string Fault = "fault";
    public const string Resolutions = "resolutions";
    public const string Comments = "comments";
    public const string Timeline = "timeline";

    public static readonly IReadOnlyList<string> All = [Header, Statements, Fault, Resolutions, Comments, Timeline];

    /// <returns>The regions <paramref name="changes"/> may have moved, in page order.</returns>
    public static IReadOnlyList<string> MovedBy(DisputeChanges changes)
    {
        // The status moves everything: what a reader may see (tallies at close, the discussion once open) follows it, and
        // moderation (hiding, locking) publishes it with every other flag.
        if (changes.HasFlag(DisputeChanges.Status)) return All;
        var moved = new List<string>(All.Count);
        if (changes.HasFlag(DisputeChanges.Statements)) moved.Add(Statements);
        if (changes.HasFlag(DisputeChanges.Tally)) moved.Add(Fault);
        if (changes.HasFlag(DisputeChanges.Resolutions)) moved.Add(Resolutions);
        if (changes.HasFlag(DisputeChanges.Comments)) moved.Add(Comments);
        if (changes.HasFlag(DisputeChanges.Timeline)) moved.Add(Timeline);
        return moved;
    }
}

/// <summary>What a reader who is not signed in sees of a dispute; the parts not asked for are left empty.</summary>
/// <param name="View">The dispute, read first: its version is the oldest the other parts can be.</param>
/// <param name="Tally">The fault vote as an anonymous reader may see it (blind until voting closes).</param>
/// <param name="Comments">The first page (or first pages) of the discussion.</param>
public sealed record ReaderDispute(DisputeView View, TallyView? Tally, IReadOnlyList<ResolutionView> Resolutions, CommentPage? Comments,
    PublicTimelineData? Timeline)
{
    public int Version => View.Dispute.Version;

    /// <summary>Voting and discussion show once the other party joined (or the dispute opened without them).</summary>
    public bool ShowsDeliberation => View.Dispute.Status is DisputeStatus.Open or DisputeStatus.Closed;
}

/// <summary>Reads a dispute as a reader who is not signed in sees it: nothing on it depends on who reads.</summary>
public sealed class ReaderDisputes(DisputeQueries disputes, DeliberationQueries deliberation)
{
    /// <param name="regions">The regions to read for (<see cref="LiveRegions"/>); the header and statements come with the dispute.</param>
    /// <param name="commentPages">How many pages of the discussion to read.</param>
    /// <returns>Null when the dispute does not exist.</returns>
    public async Task<ReaderDispute?> LoadAsync(int disputeId, IReadOnlyList<string> regions, int commentPages = 1, CancellationToken ct = default)
    {
        if (await disputes.GetAsync(disputeId, ForumActor.Anonymous, ct) is not { } view) return null;
        var tally = regions.Contains(LiveRegions.Fault) ? await deliberation.TallyAsync(disputeId, ForumActor.Anonymous, ct: ct) : null;
        var resolutions = regions.Contains(LiveRegions.Resolutions) ? await deliberation.ResolutionsAsync(disputeId, ForumActor.Anonymous, ct) : [];
        var comments = regions.Contains(LiveRegions.Comments)
            ? await deliberation.CommentsAsync(disputeId, ForumActor.Anonymous, take: commentPages * DeliberationQueries.ThreadsPerPage, ct: ct)
            : null;
        var timeline = regions.Contains(LiveRegions.Timeline) ? await disputes.PublicTimelineAsync(disputeId, ct) : null;
        return new ReaderDispute(view, tally, resolutions, comments, timeline);
    }
}
