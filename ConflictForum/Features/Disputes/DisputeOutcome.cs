namespace ConflictForum.Features.Disputes;

/// <summary>
/// How a dispute ended (<see cref="IDisputeOutcomes"/> says which one a dispute has); a list sorted by outcome shows the ended
/// ones in this order and the running ones last.
/// </summary>
public enum DisputeOutcome
{
    /// <summary>Not ended: waiting for the respondent, or open for votes.</summary>
    Running,
    /// <summary>The parties agreed terms (an accepted offer, or a resolution both accepted): its own outcome, whatever the vote.</summary>
    Settled,
    /// <summary>Settled, and then a party reported the settlement not honoured.</summary>
    SettlementDisputed,
    /// <summary>Voting closed with a clear verdict: the claimant is at fault.</summary>
    ClaimantAtFault,
    RespondentAtFault,
    BothAtFault,
    NeitherAtFault,
    /// <summary>Voting closed without a clear verdict (too few votes, or the two leading options too close to call).</summary>
    NoClearVerdict,
    /// <summary>
    /// Voting closed and the respondent never gave their side: the response deadline, not their statement, opened the dispute
    /// (whether or not they had joined). The public's verdict on one side goes with it, but the outcome is that nobody answered.
    /// </summary>
    Unanswered,
    /// <summary>The claimant withdrew it (before anyone voted).</summary>
    Withdrawn,
}
