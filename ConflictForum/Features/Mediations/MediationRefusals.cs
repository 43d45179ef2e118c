namespace ConflictForum.Features.Mediations;

/// <summary>The refusals of mediation, named so tests and callers refer to them, not to their wording.</summary>
public static class MediationRefusals
{
    public const string OnlyParties = "Only the two parties ask for a mediator, agree to one or end a mediation.";

    public const string NotYet = "A mediator can be asked for once the other party has joined the dispute.";

    public const string NotRunning = "This dispute has ended or settled: mediation is over.";

    public const string AlreadyOpen = "A mediation is already under way on this dispute.";

    public const string OwnRequest = "You asked for the mediator: the other party agrees or declines.";

    public const string NotRequested = "This request has already been answered or withdrawn.";

    public const string OnlyMediators = "Only members with the Mediator role take mediations.";

    public const string PartiesDoNotMediate = "A party never mediates their own dispute.";

    public const string TookPart =
        "You have voted, commented, proposed a resolution or flagged on this dispute: its mediator must be neutral.";

    public const string NotQueued = "This mediation is no longer waiting for a mediator.";

    public const string OnlyTheMediator = "Only this dispute's mediator writes notes, proposes terms or closes the mediation.";

    public const string NotActive = "This mediation is not under way.";

    public const string NotOpen = "This mediation has already ended.";

    public const string Missing = "There is no such mediation.";

    public const string ProposalMissing = "There is no such proposal.";

    public const string ProposalNotLive = "This proposal is no longer open: it was answered, replaced or has expired.";

    public const string AlreadyAccepted = "You have already accepted this proposal; the other party's answer is awaited.";

    public const string OnlyPartiesAnswer = "Only the two parties accept or decline a mediator's proposal.";

    public const string NoteEmpty = "Write the note first.";

    public const string SummaryEmpty = "Write a short summary for the public record first.";
}
