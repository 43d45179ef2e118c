namespace ConflictForum.Features.Disputes;

public enum DisputeStatus
{
    /// <summary>Opened by the claimant; the respondent has not joined yet.</summary>
    AwaitingResponse,
    /// <summary>Both sides can be read and voted on (or the respondent let the response window pass).</summary>
    Open,
    /// <summary>The voting window has ended.</summary>
    Closed,
    /// <summary>The claimant withdrew it before anyone voted; still readable.</summary>
    Withdrawn,
    /// <summary>
    /// The parties agreed terms (an offer accepted, or both accepted the same resolution): voting closed with the public's
    /// verdict frozen as it stood; discussion goes on.
    /// </summary>
    Settled,
    /// <summary>
    /// Settled, and then a party reported the settlement not honoured: the discussion reopens; votes and offers stay closed.
    /// </summary>
    SettlementDisputed,
}
