using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features.Mediations;

/// <summary>
/// A dispute's mediations (newest first) with what the reader may do: ask for a mediator, answer the other party's request,
/// take a queued mediation (with the reason a mediator may not), mediate, end it, answer the live proposal.
/// </summary>
public sealed record MediationSlice(IReadOnlyList<MediationView> Mediations, PartyRole? ViewerRole, Decision CanRequest,
    Decision CanAnswerRequest, Decision? CanTake, bool CanMediate, bool CanEnd, int? AnswerableProposalId)
{
    /// <summary>The newest mediation, open or not; null when nobody ever asked.</summary>
    public MediationView? Current => Mediations.Count > 0 ? Mediations[0] : null;
}
