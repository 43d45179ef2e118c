using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    private static readonly Decision OnlyWhileOpen = Decision.Denied(DeliberationRefusals.OnlyWhileOpen);

    /// <summary>
    /// Discussion runs while the dispute is open for votes, goes on after the parties settle, and stays open when a party
    /// reports the settlement not honoured.
    /// </summary>
    private static bool Discusses(Dispute dispute) =>
        dispute.Status is DisputeStatus.Open or DisputeStatus.Settled or DisputeStatus.SettlementDisputed;

    public Decision CanComment(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        // Before anyone joined for it, its members would comment as if neutral readers; they join and answer instead.
        : dispute.RoleOf(actor) is null && actor.ActsFor(dispute.RespondentOrganisationId)
            ? Decision.Denied(DisputeRefusals.ActsForRespondent)
        : !Discusses(dispute) ? OnlyWhileOpen
        : dispute.CommentsLocked ? Decision.Denied(DeliberationRefusals.CommentsLocked)
        : Decision.Granted;

    /// <param name="moderation">The comment's moderation state, null when it was never flagged or moderated.</param>
    public Decision CanEditComment(ForumActor actor, Dispute dispute, Comment comment, ModeratedItem? moderation) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(comment.AuthorId) ? Decision.Denied(DeliberationRefusals.OnlyAuthorEdits)
        : comment.DeletedAt is not null ? Decision.Denied("This comment was deleted.")
        : !Discusses(dispute) ? OnlyWhileOpen
        : CanAuthorChange(moderation, ContentKind.Comment) is { Allowed: false } moderated ? moderated
        : Now - comment.CreatedAt > voting.Value.CommentEditWindow
            ? Decision.Denied($"Comments can be edited for {voting.Value.CommentEditWindow.TotalMinutes:0} minutes after posting.")
        : Decision.Granted;

    /// <param name="moderation">The comment's moderation state, null when it was never flagged or moderated.</param>
    public Decision CanDeleteComment(ForumActor actor, Dispute dispute, Comment comment, ModeratedItem? moderation) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(comment.AuthorId) ? Decision.Denied("Only the author can delete a comment.")
        : comment.DeletedAt is not null ? Decision.Denied("This comment was already deleted.")
        : !Discusses(dispute) ? OnlyWhileOpen
        : CanAuthorChange(moderation, ContentKind.Comment) is { Allowed: false } moderated ? moderated
        : Decision.Granted;

    public Decision CanVote(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : OnASide(actor, dispute, DeliberationRefusals.PartiesDoNotVote) is { } side ? side
        : actor.Is(dispute.MediatorId) ? Decision.Denied(DeliberationRefusals.MediatorsDoNotVote)
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : TooNewTo("vote", actor) is { } tooNew ? tooNew
        : Decision.Granted;

    public Decision CanProposeResolution(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : Decision.Granted;

    public Decision CanTakeStance(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : OnASide(actor, dispute, DeliberationRefusals.PartiesAnswerInstead) is { } side ? side
        : actor.Is(dispute.MediatorId) ? Decision.Denied(DeliberationRefusals.MediatorsDoNotVote)
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : TooNewTo("vote", actor) is { } tooNew ? tooNew
        : Decision.Granted;

    public Decision CanAnswerResolution(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is null ? Decision.Denied(DeliberationRefusals.OnlyPartiesAnswer)
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : Decision.Granted;

    /// <summary>
    /// What a page shows of <paramref name="rule"/> once <paramref name="dispute"/> has ended: that it has, and when, to every
    /// reader alike ("Sign in to take part" would read as if it still ran). While it runs, the rule's own answer; services
    /// always refuse with that.
    /// </summary>
    /// <param name="ended">What ended, as the sentence begins: "Voting closed".</param>
    /// <param name="endsOnSettling">Whether settling ends it too (voting does; the discussion goes on).</param>
    public static Decision AsShown(Decision rule, Dispute dispute, string ended, bool endsOnSettling = true) =>
        rule.Allowed ? rule
        : dispute.Status == DisputeStatus.Withdrawn ? Decision.Denied(DisputeRefusals.Withdrawn)
        : dispute.Status == DisputeStatus.Closed || (endsOnSettling && IsSettledStatus(dispute.Status))
            ? Decision.Denied(dispute.ClosedAt is { } at
                ? $"{ended} {(IsSettledStatus(dispute.Status) ? "when the parties settled, on" : "on")} {TimeText.Exact(at)}."
                : $"{ended}.")
        : rule;

    public Decision CanRecount(ForumActor actor) =>
        CannotWrite(actor) is { } no ? no
        : actor.IsAdmin ? Decision.Granted : Decision.Denied(DeliberationRefusals.OnlyAdminsRecount);

    /// <summary>Setting the counters to the rows: never once voting closed, since the verdict was frozen from those counters.</summary>
    public Decision CanRepairCounts(ForumActor actor, Dispute dispute) =>
        CanRecount(actor) is { Allowed: false } no ? no
        : dispute.Status is DisputeStatus.Closed or DisputeStatus.Settled or DisputeStatus.SettlementDisputed
            ? Decision.Denied(DeliberationRefusals.VerdictFrozen)
            : Decision.Granted;

    /// <summary>
    /// Blind until you vote: fault tallies are shown to the parties, to members who voted, and to all once voting closed (at
    /// its end, or when the parties settled).
    /// </summary>
    public bool CanSeeTallies(ForumActor actor, Dispute dispute, bool hasVoted) =>
        voting.Value.TalliesVisible == TallyVisibility.Always
        || dispute.Status is DisputeStatus.Closed or DisputeStatus.Settled or DisputeStatus.SettlementDisputed
        || hasVoted
        || dispute.RoleOf(actor) is not null;

    private static bool IsSettledStatus(DisputeStatus status) => status is DisputeStatus.Settled or DisputeStatus.SettlementDisputed;
}
