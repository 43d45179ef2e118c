using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    /// <summary>A party, while the dispute runs with both parties in it and no mediation is open.</summary>
    /// <param name="open">The dispute's open mediation, if any.</param>
    public Decision CanRequestMediation(ForumActor actor, Dispute dispute, Mediation? open) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is null ? Decision.Denied(MediationRefusals.OnlyParties)
        : MediationClosed(dispute) is { } closed ? closed
        : open is not null ? Decision.Denied(MediationRefusals.AlreadyOpen)
        : Decision.Granted;

    /// <summary>The party who did not ask, while the request waits and the dispute runs.</summary>
    public Decision CanAnswerMediationRequest(ForumActor actor, Dispute dispute, Mediation mediation) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is not { } role ? Decision.Denied(MediationRefusals.OnlyParties)
        : role == mediation.RequestedBy ? Decision.Denied(MediationRefusals.OwnRequest)
        : MediationClosed(dispute) is { } closed ? closed
        : mediation.Status != MediationStatus.Requested ? Decision.Denied(MediationRefusals.NotRequested)
        : Decision.Granted;

    /// <summary>
    /// A mediator who is neither a party nor has taken part in the dispute (<paramref name="tookPart"/>: voted, commented,
    /// proposed a resolution or flagged on it), while the mediation waits in the queue.
    /// </summary>
    public Decision CanTakeMediation(ForumActor actor, Dispute dispute, Mediation mediation, bool tookPart) =>
        CannotWrite(actor) is { } no ? no
        : !actor.IsMediator ? Decision.Denied(MediationRefusals.OnlyMediators)
        : OnASide(actor, dispute, MediationRefusals.PartiesDoNotMediate) is { } side ? side
        : tookPart ? Decision.Denied(MediationRefusals.TookPart)
        : MediationClosed(dispute) is { } closed ? closed
        : mediation.Status != MediationStatus.Queued ? Decision.Denied(MediationRefusals.NotQueued)
        : Decision.Granted;

    /// <summary>The mediation's own mediator (still holding the role), while it is under way: notes, proposals, closing.</summary>
    public Decision CanMediate(ForumActor actor, Dispute dispute, Mediation mediation) =>
        CannotWrite(actor) is { } no ? no
        : !actor.IsMediator || !actor.Is(mediation.MediatorId) ? Decision.Denied(MediationRefusals.OnlyTheMediator)
        : MediationClosed(dispute) is { } closed ? closed
        : mediation.Status != MediationStatus.Active ? Decision.Denied(MediationRefusals.NotActive)
        : Decision.Granted;

    /// <summary>Either party, at any point while the mediation is open (asking, queued or under way).</summary>
    public Decision CanEndMediation(ForumActor actor, Dispute dispute, Mediation mediation) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is null ? Decision.Denied(MediationRefusals.OnlyParties)
        : !mediation.IsOpen ? Decision.Denied(MediationRefusals.NotOpen)
        : Decision.Granted;

    /// <summary>A party who has not accepted it yet, while the proposal is live and the dispute runs.</summary>
    public Decision CanAnswerProposal(ForumActor actor, Dispute dispute, MediatorProposal proposal) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is not { } role ? Decision.Denied(MediationRefusals.OnlyPartiesAnswer)
        : MediationClosed(dispute) is { } closed ? closed
        : !proposal.IsLive(Now) ? Decision.Denied(MediationRefusals.ProposalNotLive)
        : proposal.AcceptedAt(role) is not null ? Decision.Denied(MediationRefusals.AlreadyAccepted)
        : Decision.Granted;

    private static Decision? MediationClosed(Dispute dispute) => dispute.Status switch
    {
        DisputeStatus.Open or DisputeStatus.AwaitingResponse when dispute.RespondentId is null => Decision.Denied(MediationRefusals.NotYet),
        DisputeStatus.Open or DisputeStatus.AwaitingResponse => null,
        _ => Decision.Denied(MediationRefusals.NotRunning),
    };
}
