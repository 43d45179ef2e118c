using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    private static readonly Decision SignInFirst = Decision.Denied("Sign in to take part.");

    private static readonly Decision SessionEnded = Decision.Denied("Your session has ended; sign in again.");

    /// <summary>Until when a permanent suspension lasts.</summary>
    public static readonly DateTime Permanently = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The refusal for an actor who may not write at all (not signed in, or suspended), or null when they may.</summary>
    public static Decision? CannotWrite(ForumActor actor) =>
        actor.SuspendedUntil is { } until ? Decision.Denied(SuspendedText(until))
        : actor.HasSessionEnded ? SessionEnded
        : !actor.IsSignedIn ? SignInFirst
        : null;

    public static string SuspendedText(DateTime until) => until >= Permanently
        ? "Your account is suspended: you can read, but not write, flag or vote."
        : $"Your account is suspended until {until:d MMM yyyy, HH:mm} UTC: you can read, but not write, flag or vote.";

    public static Decision CanOpenDispute(ForumActor actor) => CannotWrite(actor) ?? Decision.Granted;

    public static Decision CanManageInvitation(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(dispute.ClaimantId) ? Decision.Denied("Only the party who opened the dispute manages its invitation.")
        : dispute.Status != DisputeStatus.AwaitingResponse ? Decision.Denied("The dispute is no longer waiting for the other party.")
        : Decision.Granted;

    public static Decision CanAcceptInvitation(ForumActor actor, Dispute dispute) =>
        !actor.IsSignedIn ? Decision.Denied("Sign in or register to accept the invitation.")
        : CannotWrite(actor) is { } no ? no
        : actor.Is(dispute.ClaimantId) ? Decision.Denied("You opened this dispute: the invitation is for the other party.")
        : dispute.Status != DisputeStatus.AwaitingResponse ? Decision.Denied("This dispute is no longer waiting for the other party.")
        : Decision.Granted;

    public static Decision CanWriteStatement(ForumActor actor, Dispute dispute, PartyRole role) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(dispute.PartyId(role)) ? Decision.Denied($"Only the {role.ToString().ToLowerInvariant()} writes the {role.ToString().ToLowerInvariant()}'s statement.")
        : IsLive(dispute) ? Decision.Granted
        : Decision.Denied(ClosedReason(dispute));

    public static Decision CanReply(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor.UserId) is null ? Decision.Denied("Only the two parties post on the timeline; readers will be able to comment.")
        : IsLive(dispute) ? Decision.Granted
        : Decision.Denied(ClosedReason(dispute));

    public static Decision CanWithdraw(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(dispute.ClaimantId) ? Decision.Denied("Only the party who opened the dispute can withdraw it.")
        : !IsLive(dispute) ? Decision.Denied(ClosedReason(dispute))
        : dispute.VoteCount > 0 ? Decision.Denied("The public has started voting, so the dispute can no longer be withdrawn.")
        : Decision.Granted;

    private static bool IsLive(Dispute dispute) => dispute.Status is DisputeStatus.AwaitingResponse or DisputeStatus.Open;

    private static string ClosedReason(Dispute dispute) => dispute.Status == DisputeStatus.Withdrawn
        ? "The dispute was withdrawn."
        : "The dispute is closed; its record can be read but no longer changed.";
}
