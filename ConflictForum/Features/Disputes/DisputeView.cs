using ConflictForum.Features.Content;
using ConflictForum.Platform;

namespace ConflictForum.Features.Disputes;

/// <summary>A dispute as one reader sees it now, with what that reader may do.</summary>
public sealed record DisputeView(
    DisputeRow Row,
    StatementView? ClaimantStatement,
    StatementView? RespondentStatement,
    PartyRole? ViewerRole,
    Decision CanWriteStatement,
    Decision CanReply,
    Decision CanWithdraw,
    Decision CanManageInvitation,
    DateTime? InvitationExpiresAt,
    HiddenItems Hidden)
{
    /// <summary>Whether the viewer may lock comments or remove votes here (the moderator's tools).</summary>
    public Decision CanModerate { get; init; }
    public Decision CanComment { get; init; }
    public Decision CanProposeResolution { get; init; }
    public Decision CanTakeStance { get; init; }
    public Decision CanAnswerResolution { get; init; }

    /// <summary>Whether the viewer may join to answer for the organisation the dispute is against.</summary>
    public Decision CanJoinForOrganisation { get; init; }

    public Dispute Dispute => Row.Dispute;

    public StatementView? StatementOf(PartyRole role) => role == PartyRole.Claimant ? ClaimantStatement : RespondentStatement;

    /// <summary>The party's display name, or for a respondent who has not joined, the name the claimant gave.</summary>
    public string PartyNameOf(PartyRole role) => role == PartyRole.Claimant ? Row.ClaimantName : Row.RespondentName;
}
