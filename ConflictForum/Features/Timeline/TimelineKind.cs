namespace ConflictForum.Features.Timeline;

public enum TimelineKind
{
    DisputeOpened,
    InvitationIssued,
    InvitationRevoked,
    RespondentJoined,
    StatementPosted,
    StatementEdited,
    Reply,
    StatusChanged,
    CommentPosted,
    CommentEdited,
    ResolutionProposed,
    ResolutionAnswered,
    VerdictFrozen,
    VotesRecounted,
    Moderation,
    OfferMade,
    OfferAnswered,
    OfferExpired,
    Settled,
    SettlementReported,
    SettlementReportAnswered,
}
