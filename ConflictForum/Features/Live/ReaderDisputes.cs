using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features.Live;

/// <summary>Reads a dispute as a reader who is not signed in sees it: nothing on it depends on who reads.</summary>
public sealed class ReaderDisputes(DisputeQueries disputes, DeliberationQueries deliberation, DeliberationService votes,
    Settlements.SettlementQueries settling, Mediations.MediationQueries mediating)
{
    /// <param name="regions">The regions to read for (<see cref="LiveRegions"/>); the header and statements come with the dispute.</param>
    /// <param name="commentPages">How many pages of the discussion to read.</param>
    /// <param name="commentOrder">Their order.</param>
    /// <param name="linkedComment">A comment whose thread they must hold (a permalink); null for none.</param>
    /// <returns>Null when the dispute does not exist.</returns>
    public async Task<ReaderDispute?> LoadAsync(int disputeId, IReadOnlyList<string> regions, int commentPages = 1,
        CommentOrder commentOrder = CommentOrder.Oldest, int? linkedComment = null, CancellationToken ct = default)
    {
        if (await disputes.GetAsync(disputeId, ForumActor.Anonymous, ct) is not { } view) return null;
        var tally = regions.Contains(LiveRegions.Fault)
            ? await votes.TallyAsync(disputeId, ForumActor.Anonymous, ct: ct)
            : null;
        var resolutions = regions.Contains(LiveRegions.Resolutions)
            ? await deliberation.ResolutionsAsync(disputeId, ForumActor.Anonymous, ct)
            : [];
        var comments = regions.Contains(LiveRegions.Comments)
            ? await deliberation.CommentsAsync(disputeId, ForumActor.Anonymous, take: commentPages * DeliberationQueries.ThreadsPerPage,
                ct: ct, order: commentOrder, including: linkedComment)
            : null;
        var timeline = regions.Contains(LiveRegions.Timeline) ? await disputes.PublicTimelineAsync(disputeId, ct) : null;
        var offers = regions.Contains(LiveRegions.Offers) ? await settling.GetAsync(disputeId, ForumActor.Anonymous, ct) : null;
        var mediation = regions.Contains(LiveRegions.Offers) ? await mediating.GetAsync(disputeId, ForumActor.Anonymous, ct) : null;
        return new ReaderDispute(view, tally, resolutions, comments, timeline, offers, mediation);
    }
}
