using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Live;

/// <summary>What a reader who is not signed in sees of a dispute; the parts not asked for are left empty.</summary>
/// <param name="View">The dispute, read first: its version is the oldest the other parts can be.</param>
/// <param name="Tally">The fault vote as an anonymous reader may see it (blind until voting closes).</param>
/// <param name="Comments">The first page (or first pages) of the discussion.</param>
/// <param name="Settling">The parties' offers and the settlement, when the offers region was asked for.</param>
/// <param name="Mediating">The dispute's mediation, with the offers region.</param>
public sealed record ReaderDispute(DisputeView View, TallyView? Tally, IReadOnlyList<ResolutionView> Resolutions, CommentPage? Comments,
    PublicTimelineData? Timeline, Settlements.SettlementSlice? Settling = null, Mediations.MediationSlice? Mediating = null)
{
    public int Version => View.Dispute.Version;

    /// <summary>Voting and discussion show once the other party joined (or the dispute opened without them).</summary>
    public bool ShowsDeliberation =>
        View.Dispute.Status is DisputeStatus.Open or DisputeStatus.Closed or DisputeStatus.Settled or DisputeStatus.SettlementDisputed;
}
