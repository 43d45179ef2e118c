using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Mediations;

/// <summary>
/// One mediation as anyone reads it: who asked, where it stands (an open one on a dispute that has ended reads as lapsed),
/// its mediator, their notes (oldest first) and proposals (newest first), and the closing summary.
/// </summary>
public sealed record MediationView(int Id, PartyRole RequestedBy, DateTime RequestedAt, MediationStatus Status, string? MediatorId,
    string? MediatorName, DateTime? TakenAt, DateTime? EndedAt, string? SummaryHtml, IReadOnlyList<MediatorNoteView> Notes,
    IReadOnlyList<ProposalView> Proposals);
