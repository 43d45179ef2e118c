using System.Linq.Expressions;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    private static readonly Decision ModeratorsOnly = Decision.Denied(ModerationRefusals.ModeratorsOnly);

    private static readonly Decision InDisputeWithMember =
        Decision.Denied("You are in a dispute with this member, so another moderator acts on them and on what they wrote.");

    /// <summary>
    /// Flags hide content, so a flag needs the same account age as a vote: a handful of new accounts cannot hide anyone's words.
    /// </summary>
    public Decision CanFlag(ForumActor actor, string authorId) =>
        CannotFlag(actor, authorId) ?? TooNewTo("flag", actor) ?? Decision.Granted;

    /// <summary>
    /// <see cref="CanFlag(ForumActor, string)"/> on <paramref name="dispute"/>: an organisation's members never flag the words
    /// on its disputes, not even the one who answers for it (a person who is a party may), so a company cannot bury its
    /// critics under flags; a moderator who is no member reviews what others flag.
    /// </summary>
    public Decision CanFlag(ForumActor actor, string authorId, Dispute dispute) =>
        actor.ActsFor(dispute.RespondentOrganisationId) ? Decision.Denied(DisputeRefusals.ActsForRespondent)
        // Nor the one who answered for it and has since left it.
        : dispute.RespondentOrganisationId is not null && actor.Is(dispute.RespondentId)
            ? Decision.Denied(DisputeRefusals.AnsweredForRespondent)
        : CanFlag(actor, authorId);

    /// <summary>
    /// The part of <see cref="CanFlag"/> that needs no clock (signed in, in good standing, not the author), or null when it
    /// passes: parents ask it before placing a flag button at all, so a page carries no empty button per item.
    /// </summary>
    public static Decision? CannotFlag(ForumActor actor, string authorId) =>
        CannotWrite(actor) ?? (actor.Is(authorId) ? Decision.Denied(ModerationRefusals.OwnWords) : null);

    /// <summary>
    /// The members whose flags count towards hiding an item automatically: in good standing at <paramref name="now"/> (not
    /// suspended, and old enough to vote). A filter for the flag's own query, so the count is taken in its transaction.
    /// </summary>
    public Expression<Func<ForumUser, bool>> FlagCountsFrom()
    {
        var now = Now;
        var joinedBy = now - MinimumAccountAge;
        return u => (u.SuspendedUntil == null || u.SuspendedUntil <= now) && u.CreatedAt <= joinedBy;
    }

    /// <summary>
    /// Hide, unhide or dismiss flags on an item: a moderator who is neither its author, nor a party to its dispute, nor in a
    /// dispute with its author anywhere (<paramref name="inDisputeWithAuthor"/>, read by the service in its transaction).
    /// </summary>
    public Decision CanModerate(ForumActor actor, Dispute dispute, string authorId, bool inDisputeWithAuthor) =>
        CanModerateDispute(actor, dispute) is { Allowed: false } no ? no : CanModerateAuthor(actor, authorId, inDisputeWithAuthor);

    /// <summary>
    /// <see cref="CanFlag(ForumActor, string)"/> on an organisation's page and name: not by its own members (its first owner
    /// is its author), who appeal instead.
    /// </summary>
    public Decision CanFlagOrganisation(ForumActor actor, int organisationId, string authorId) =>
        actor.ActsFor(organisationId) ? Decision.Denied(ModerationRefusals.OwnOrganisation) : CanFlag(actor, authorId);

    /// <summary>
    /// Hide, restore or dismiss flags on an organisation: a moderator who is not one of its members, not its author, and not
    /// in a dispute with it or its author (<paramref name="inDisputeWithIt"/>, read by the service in its transaction).
    /// </summary>
    public Decision CanModerateOrganisation(ForumActor actor, int organisationId, string authorId, bool inDisputeWithIt) =>
        CannotWrite(actor) is { } no ? no
        : !actor.IsModerator ? ModeratorsOnly
        : actor.ActsFor(organisationId) ? Decision.Denied(ModerationRefusals.MemberOfOrganisation)
        : CanModerateAuthor(actor, authorId, inDisputeWithIt);

    private static Decision CanModerateAuthor(ForumActor actor, string authorId, bool inDisputeWithAuthor) =>
        actor.Is(authorId) ? Decision.Denied(ModerationRefusals.OwnContent)
        : inDisputeWithAuthor ? InDisputeWithMember
        : Decision.Granted;

    /// <summary>Remove a member's votes on a dispute: a moderator who is not a party to it and not in a dispute with the member.</summary>
    public Decision CanRemoveVotes(ForumActor actor, Dispute dispute, bool inDisputeWithMember) =>
        CanModerateDispute(actor, dispute) is { Allowed: false } no ? no
        : inDisputeWithMember ? InDisputeWithMember
        : Decision.Granted;

    /// <summary>
    /// Whether the author may still edit, delete or replace an item: not while it is under moderation (hidden, or flagged and
    /// waiting for review), since the review and any appeal judge the words as they were flagged or hidden.
    /// </summary>
    public Decision CanAuthorChange(ModeratedItem? state, ContentKind kind) =>
        state is null ? Decision.Granted
        : state.IsHidden && state.HiddenById is not null
            ? Decision.Denied($"A moderator hid this {ContentKinds.Name(kind)}, so it stays as it was hidden; you can appeal instead.")
        : state.IsHidden || state.OpenFlags > 0
            ? Decision.Denied($"A moderator is reviewing this {ContentKinds.Name(kind)}, so it cannot be changed until they decide.")
        : Decision.Granted;

    /// <summary>Who flagged an item, and why, is shown only to a moderator who may act on it: never to its author.</summary>
    public bool CanSeeFlags(ForumActor viewer, Decision canModerate) => viewer.IsModerator && canModerate.Allowed;

    /// <summary>Lock comments, remove votes: a moderator who is not a party to the dispute.</summary>
    public Decision CanModerateDispute(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : !actor.IsModerator ? ModeratorsOnly
        : OnASide(actor, dispute, ModerationRefusals.PartyToDispute) is { } side ? side
        : Decision.Granted;

    public Decision CanAppeal(ForumActor actor, ModeratedItem item) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(item.AuthorId) ? Decision.Denied(ModerationRefusals.OnlyAuthorAppeals)
        : !item.IsHidden ? Decision.Denied("This is not hidden.")
        : item.AppealedAt is not null ? Decision.Denied(ModerationRefusals.AppealedOnce)
        : Decision.Granted;

    /// <summary>
    /// An appeal is decided by a moderator who may moderate the item (<paramref name="canModerate"/>), other than the one who
    /// hid it.
    /// </summary>
    public Decision CanDecideAppeal(ForumActor actor, ModeratedItem item, Decision canModerate) =>
        !canModerate.Allowed ? canModerate
        : !item.AppealPending ? Decision.Denied("There is no appeal waiting on this item.")
        : actor.Is(item.HiddenById) ? Decision.Denied(ModerationRefusals.OwnHide)
        : Decision.Granted;

    /// <param name="inDisputeWithMember">
    /// Whether the two are parties to a dispute together (read by the service in its transaction).
    /// </param>
    public Decision CanSuspend(ForumActor actor, ForumActor member, bool inDisputeWithMember) =>
        CannotWrite(actor) is { } no ? no
        : !actor.IsModerator ? ModeratorsOnly
        : actor.Is(member.UserId) ? Decision.Denied("Moderators do not suspend themselves.")
        : (member.IsModerator || member.IsAdmin) && !actor.IsAdmin ? Decision.Denied("Only an admin suspends a moderator or an admin.")
        : inDisputeWithMember ? InDisputeWithMember
        : Decision.Granted;

    public Decision CanManageRoles(ForumActor actor) =>
        CannotWrite(actor) is { } no ? no
        : actor.IsAdmin ? Decision.Granted
        : Decision.Denied(ModerationRefusals.OnlyAdminsManageRoles);

    /// <summary>Hidden content stays readable to moderators (to review it) and to its author (to appeal).</summary>
    public bool CanReadHidden(ForumActor viewer, string authorId) => viewer.IsModerator || viewer.Is(authorId);
}
