using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    private static readonly Decision ModeratorsOnly = Decision.Denied("Only moderators do this.");

    public static Decision CanFlag(ForumActor actor, Dispute dispute, string authorId) =>
        CannotWrite(actor) is { } no ? no
        : actor.Is(authorId) ? Decision.Denied("You wrote this, so you cannot flag it.")
        : Decision.Granted;

    /// <summary>Hide, unhide or dismiss flags on an item: a moderator who is neither its author nor a party to its dispute.</summary>
    public static Decision CanModerate(ForumActor actor, Dispute dispute, string authorId) =>
        CanModerateDispute(actor, dispute) is { Allowed: false } no ? no
        : actor.Is(authorId) ? Decision.Denied("Moderators do not moderate what they wrote.")
        : Decision.Granted;

    /// <summary>Lock comments, remove votes: a moderator who is not a party to the dispute.</summary>
    public static Decision CanModerateDispute(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : !actor.IsModerator ? ModeratorsOnly
        : dispute.RoleOf(actor.UserId) is not null ? Decision.Denied("Moderators do not moderate disputes they are a party to.")
        : Decision.Granted;

    public static Decision CanAppeal(ForumActor actor, ModeratedItem item) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(item.AuthorId) ? Decision.Denied("Only the author appeals the hiding of their words.")
        : !item.IsHidden ? Decision.Denied("This is not hidden.")
        : item.AppealedAt is not null ? Decision.Denied("An item can be appealed once, and this one was.")
        : Decision.Granted;

    /// <summary>An appeal is decided by a different moderator than the one who hid the item.</summary>
    public static Decision CanDecideAppeal(ForumActor actor, Dispute dispute, ModeratedItem item) =>
        CanModerate(actor, dispute, item.AuthorId) is { Allowed: false } no ? no
        : !item.AppealPending ? Decision.Denied("There is no appeal waiting on this item.")
        : actor.Is(item.HiddenById) ? Decision.Denied("You hid this item, so another moderator decides the appeal.")
        : Decision.Granted;

    public static Decision CanSuspend(ForumActor actor, ForumActor member) =>
        CannotWrite(actor) is { } no ? no
        : !actor.IsModerator ? ModeratorsOnly
        : actor.Is(member.UserId) ? Decision.Denied("Moderators do not suspend themselves.")
        : (member.IsModerator || member.IsAdmin) && !actor.IsAdmin ? Decision.Denied("Only an admin suspends a moderator or an admin.")
        : Decision.Granted;

    public static Decision CanManageRoles(ForumActor actor) =>
        CannotWrite(actor) is { } no ? no
        : actor.IsAdmin ? Decision.Granted
        : Decision.Denied("Only admins grant and revoke roles.");

    /// <summary>Hidden content stays readable to moderators (to review it) and to its author (to appeal).</summary>
    public static bool CanReadHidden(ForumActor viewer, string authorId) => viewer.IsModerator || viewer.Is(authorId);
}
