using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    public Decision CanOpenDispute(ForumActor actor) => CannotWrite(actor) ?? Decision.Granted;

    public Decision CanManageInvitation(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(dispute.ClaimantId) ? Decision.Denied(DisputeRefusals.OnlyClaimantManagesInvitation)
        : dispute.Status != DisputeStatus.AwaitingResponse || dispute.RespondentId is not null
            ? Decision.Denied("The dispute is no longer waiting for the other party.")
        : Decision.Granted;

    /// <param name="confirmedEmail">
    /// The accepting member's e-mail address if they confirmed it, else null (read by the service in its transaction).
    /// </param>
    public Decision CanAcceptInvitation(ForumActor actor, Dispute dispute, string? confirmedEmail) =>
        !actor.IsSignedIn ? Decision.Denied("Sign in or register to accept the invitation.")
        : CannotWrite(actor) is { } no ? no
        : actor.Is(dispute.ClaimantId) ? Decision.Denied(DisputeRefusals.OwnInvitation)
        : dispute.Status != DisputeStatus.AwaitingResponse || dispute.RespondentId is not null
            ? Decision.Denied("This dispute is no longer waiting for the other party.")
        // Whoever holds the link of a dispute against an organisation answers for it only if they act for it.
        : dispute.RespondentOrganisationId is not null && !actor.ActsFor(dispute.RespondentOrganisationId)
            ? Decision.Denied(DisputeRefusals.OnlyOrganisationMembersAnswer)
        // A link mailed to one address answers for that person only: whoever else holds it (a forwarded mail) may not take their place.
        : dispute.RespondentEmail is { } sentTo && !string.Equals(sentTo, confirmedEmail, StringComparison.OrdinalIgnoreCase)
            ? Decision.Denied($"This invitation was sent to {MaskedEmail(sentTo)}. Sign in with the account that uses that address, "
                + "with the address confirmed, to accept it; or ask the party who opened the dispute to issue a new link to your address.")
        : Decision.Granted;

    /// <summary>
    /// A member of the respondent organisation answers its dispute for it, without an invitation link, while the dispute waits
    /// for its first answer: the organisation must be verified (and not suspended), which <paramref name="verified"/> says.
    /// </summary>
    public Decision CanJoinForOrganisation(ForumActor actor, Dispute dispute, bool verified) =>
        CannotWrite(actor) is { } no ? no
        : !actor.ActsFor(dispute.RespondentOrganisationId) ? Decision.Denied(DisputeRefusals.OnlyOrganisationMembersAnswer)
        : actor.Is(dispute.ClaimantId) ? Decision.Denied(DisputeRefusals.OwnInvitation)
        : dispute.Status != DisputeStatus.AwaitingResponse || dispute.RespondentId is not null
            ? Decision.Denied("This dispute is no longer waiting for the other party.")
        : !verified ? Decision.Denied(DisputeRefusals.OrganisationNotVerified)
        : Decision.Granted;

    /// <summary>
    /// Null when <paramref name="actor"/> takes no side in <paramref name="dispute"/>; else why they may not act as a neutral
    /// reader would (vote, flag, mediate, moderate): a party, or a member of the respondent organisation even before anyone
    /// joined for it.
    /// </summary>
    public static Decision? OnASide(ForumActor actor, Dispute dispute, string partyRefusal) =>
        dispute.RoleOf(actor) is not null ? Decision.Denied(partyRefusal)
        : actor.ActsFor(dispute.RespondentOrganisationId) ? Decision.Denied(DisputeRefusals.ActsForRespondent)
        : dispute.IsSideOf(actor) ? Decision.Denied(DisputeRefusals.AnsweredForRespondent)
        : null;

    /// <summary>An address shown to whoever holds a link, with enough of it left to recognise: "j***@example.com".</summary>
    public static string MaskedEmail(string email) => email.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        ? $"{email[0]}***{email[at..]}"
        : "***";

    /// <param name="moderation">The statement's moderation state, null when it was never flagged or moderated (or not written yet).</param>
    public Decision CanWriteStatement(ForumActor actor, Dispute dispute, PartyRole role, Content.ModeratedItem? moderation) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) != role
            ? Decision.Denied($"Only the {role.ToString().ToLowerInvariant()} writes the {role.ToString().ToLowerInvariant()}'s statement.")
        : !IsLive(dispute) ? Decision.Denied(ClosedReason(dispute))
        : CanAuthorChange(moderation, Content.ContentKind.Statement);

    public Decision CanReply(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is null
            ? Decision.Denied("Only the two parties post on the timeline; readers will be able to comment.")
        : IsLive(dispute) ? Decision.Granted
        : Decision.Denied(ClosedReason(dispute));

    public Decision CanWithdraw(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(dispute.ClaimantId) ? Decision.Denied(DisputeRefusals.OnlyClaimantWithdraws)
        : !IsLive(dispute) ? Decision.Denied(ClosedReason(dispute))
        : dispute.VoteCount > 0 ? Decision.Denied(DisputeRefusals.VotingStarted)
        : Decision.Granted;

    private static bool IsLive(Dispute dispute) => dispute.Status is DisputeStatus.AwaitingResponse or DisputeStatus.Open;

    private static string ClosedReason(Dispute dispute) => dispute.Status == DisputeStatus.Withdrawn
        ? DisputeRefusals.Withdrawn
        : DisputeRefusals.Closed;
}
