namespace ConflictForum.Features.Notifications;

/// <summary>What a dispute needs from the member now (<see cref="MyDisputesQueries"/>).</summary>
public enum MyActionKind
{
    /// <summary>
    /// A dispute against a verified organisation the member acts for waits for one of its members to answer, until the
    /// response deadline.
    /// </summary>
    AnswerForOrganisation,

    /// <summary>The respondent joined and the public waits for their statement, until the response deadline.</summary>
    PostStatement,
    /// <summary>The other party's offer is live, until it expires.</summary>
    AnswerOffer,
    /// <summary>The mediator's proposal is live and the member has not accepted it, until it expires.</summary>
    AnswerProposal,
    /// <summary>The other party asked for a mediator.</summary>
    AnswerMediationRequest,
    /// <summary>The settlement is due and the member has not reported, until the report window ends.</summary>
    ReportOnSettlement,
    /// <summary>The other party reported on the settlement and the member has not answered.</summary>
    AnswerReport,
    /// <summary>The member is the mediator of a mediation under way.</summary>
    Mediate,
}
