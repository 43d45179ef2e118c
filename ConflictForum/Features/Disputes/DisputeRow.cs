namespace ConflictForum.Features.Disputes;

/// <summary>
/// A dispute in a list. <see cref="HiddenReason"/> is set when a moderator (or members' flags) hid it; its title and summary are
/// then blank.
/// </summary>
public sealed record DisputeRow(Dispute Dispute, string ClaimantName, string RespondentName, string? HiddenReason = null)
{
    /// <summary>How it ended, as of the read (<see cref="IDisputeOutcomes"/>); <see cref="DisputeOutcome.Running"/> until then.</summary>
    public DisputeOutcome Outcome { get; init; }

    /// <summary>
    /// Whether a settled dispute's settlement was honoured, as of the read (<see cref="ISettlementFollowUps"/>); else null.
    /// </summary>
    public SettlementFollowUpState? FollowUp { get; init; }

    /// <summary>The organisation the dispute is against, if any: its name, page and badge stand for the respondent.</summary>
    public Organisations.Organisation? Organisation { get; init; }

    /// <summary>Whether a moderator hid <see cref="Organisation"/>: its name is not shown (its page says why).</summary>
    public bool OrganisationHidden { get; init; }
}
