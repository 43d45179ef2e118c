namespace ConflictForum.Features.Disputes;

/// <summary>The refusals of disputes, statements and invitations, named so tests and callers refer to them, not to their wording.</summary>
public static class DisputeRefusals
{
    public const string OnlyPartiesWriteStatements = "Only the two parties write statements.";

    public const string NoLiveInvitation = "There is no live invitation link to revoke.";

    public const string InvitationUsed = "This invitation link has already been used.";

    public const string InvitationNoLongerUsable = "This invitation link has already been used, revoked or has expired.";

    public const string OwnInvitation = "You opened this dispute: the invitation is for the other party.";

    public const string OnlyClaimantManagesInvitation = "Only the party who opened the dispute manages its invitation.";

    public const string OnlyClaimantWithdraws = "Only the party who opened the dispute can withdraw it.";

    public const string VotingStarted = "The public has started voting, so the dispute can no longer be withdrawn.";

    public const string Withdrawn = "The dispute was withdrawn.";

    public const string AnsweredForRespondent =
        "You answered this dispute for the organisation it is against: you do not vote, flag, mediate or moderate here.";

    public const string ActsForRespondent =
        "You act for the organisation this dispute is against: you answer for it, and do not vote, flag, mediate or moderate here.";

    public const string ClaimantActsForOrganisation =
        "You act for this organisation, so you cannot open a dispute against it. Open it from an account that does not.";

    public const string OnlyOrganisationMembersAnswer =
        "This dispute is against an organisation: only its owners and agents can answer it.";

    public const string OrganisationNotVerified =
        "Only a verified organisation's members can join its disputes this way. Use the invitation link the claimant sent, if any.";

    public const string Closed = "The dispute is closed; its record can be read but no longer changed.";
}
