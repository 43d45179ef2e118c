namespace ConflictForum.Features.Deliberation;

/// <summary>The refusals of comments, votes and resolutions, named so tests and callers refer to them, not to their wording.</summary>
public static class DeliberationRefusals
{
    public const string OnlyWhileOpen = "Comments and votes are taken only while the dispute is open.";

    public const string CommentsLocked = "A moderator locked the comments on this dispute.";

    public const string PartiesDoNotVote = "Parties do not vote on their own dispute.";

    public const string OnlyAuthorEdits = "Only the author can edit a comment.";

    public const string MediatorsDoNotVote = "A dispute's mediator stays neutral and does not vote on it.";

    public const string OnlyPartiesAnswer = "Only the two parties say whether they accept a resolution.";

    public const string ResolutionHidden =
        "A moderator hid this resolution: while it is hidden, it cannot be supported, answered or taken as an offer's terms.";

    public const string PartiesAnswerInstead = "Parties say whether they accept a resolution instead of voting on it.";

    public const string OnlyAdminsRecount = "Only admins recount votes.";

    public const string VerdictFrozen =
        "Voting on this dispute has closed and its verdict was frozen as counted, so a recount only reports; it changes nothing.";

    public const string NotVoted = "You have not voted on this dispute.";
}
