using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    private static readonly Decision OnlyWhileOpen = Decision.Denied("Comments and votes are taken only while the dispute is open.");

    public static Decision CanComment(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : dispute.CommentsLocked ? Decision.Denied("A moderator locked the comments on this dispute.")
        : Decision.Granted;

    /// <param name="moderation">The comment's moderation state, null when it was never flagged or moderated.</param>
    public static Decision CanEditComment(ForumActor actor, Dispute dispute, Comment comment, ModeratedItem? moderation, DateTime now, TimeSpan window) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(comment.AuthorId) ? Decision.Denied("Only the author can edit a comment.")
        : comment.DeletedAt is not null ? Decision.Denied("This comment was deleted.")
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : CanAuthorChange(moderation, ContentKind.Comment) is { Allowed: false } moderated ? moderated
        : now - comment.CreatedAt > window ? Decision.Denied($"Comments can be edited for {window.TotalMinutes:0} minutes after posting.")
        : Decision.Granted;

    /// <param name="moderation">The comment's moderation state, null when it was never flagged or moderated.</param>
    public static Decision CanDeleteComment(ForumActor actor, Dispute dispute, Comment comment, ModeratedItem? moderation) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(comment.AuthorId) ? Decision.Denied("Only the author can delete a comment.")
        : comment.DeletedAt is not null ? Decision.Denied("This comment was already deleted.")
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : CanAuthorChange(moderation, ContentKind.Comment) is { Allowed: false } moderated ? moderated
        : Decision.Granted;

    public static Decision CanVote(ForumActor actor, Dispute dispute, DateTime now, TimeSpan minimumAccountAge) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor.UserId) is not null ? Decision.Denied("Parties do not vote on their own dispute.")
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : TooNewToVote(actor, now, minimumAccountAge) is { } tooNew ? tooNew
        : Decision.Granted;

    public static Decision CanProposeResolution(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : Decision.Granted;

    public static Decision CanTakeStance(ForumActor actor, Dispute dispute, DateTime now, TimeSpan minimumAccountAge) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor.UserId) is not null ? Decision.Denied("Parties say whether they accept a resolution instead of voting on it.")
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : TooNewToVote(actor, now, minimumAccountAge) is { } tooNew ? tooNew
        : Decision.Granted;

    /// <summary>The refusal for an account too young to vote, or null when it may.</summary>
    private static Decision? TooNewToVote(ForumActor actor, DateTime now, TimeSpan minimumAccountAge) => TooNewTo("vote", actor, now, minimumAccountAge);

    /// <summary>The refusal for an account too young to <paramref name="act"/> (vote, flag), or null when it may.</summary>
    private static Decision? TooNewTo(string act, ForumActor actor, DateTime now, TimeSpan minimumAccountAge) =>
        minimumAccountAge > TimeSpan.Zero && actor.AccountCreatedAt is { } created && now - created < minimumAccountAge
            ? Decision.Denied($"New accounts can {act} {Hours(minimumAccountAge)} after joining: {Hours(minimumAccountAge - (now - created))} to go.")
            : null;

    private static string Hours(TimeSpan span) => span.TotalHours >= 1.5 ? $"{Math.Ceiling(span.TotalHours):0} hours" : $"{Math.Max(1, Math.Ceiling(span.TotalMinutes)):0} minutes";

    public static Decision CanAnswerResolution(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor.UserId) is null ? Decision.Denied("Only the two parties say whether they accept a resolution.")
        : dispute.Status != DisputeStatus.Open ? OnlyWhileOpen
        : Decision.Granted;

    public static Decision CanRecount(ForumActor actor) =>
        CannotWrite(actor) is { } no ? no
        : actor.IsAdmin ? Decision.Granted : Decision.Denied("Only admins recount votes.");

    /// <summary>Setting the counters to the rows: never once voting closed, since the verdict was frozen from those counters.</summary>
    public static Decision CanRepairCounts(ForumActor actor, Dispute dispute) =>
        CanRecount(actor) is { Allowed: false } no ? no
        : dispute.Status == DisputeStatus.Closed
            ? Decision.Denied("Voting on this dispute has closed and its verdict was frozen as counted, so a recount only reports; it changes nothing.")
            : Decision.Granted;

    /// <summary>Blind until you vote: fault tallies are shown to the parties, to members who voted, and to all once voting closed.</summary>
    public static bool CanSeeTallies(ForumActor actor, Dispute dispute, bool hasVoted, TallyVisibility visibility) =>
        visibility == TallyVisibility.Always || dispute.Status is DisputeStatus.Closed || hasVoted || dispute.RoleOf(actor.UserId) is not null;
}
