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

    /// <param name="confirmedEmail">The accepting member's e-mail address if they confirmed it, else null (read by the service in its transaction).</param>
    public static Decision CanAcceptInvitation(ForumActor actor, Dispute dispute, string? confirmedEmail) =>
        !actor.IsSignedIn ? Decision.Denied("Sign in or register to accept the invitation.")
        : CannotWrite(actor) is { } no ? no
        : actor.Is(dispute.ClaimantId) ? Decision.Denied("You opened this dispute: the invitation is for the other party.")
        : dispute.Status != DisputeStatus.AwaitingResponse ? Decision.Denied("This dispute is no longer waiting for the other party.")
        // A link mailed to one address answers for that person only: whoever else holds it (a forwarded mail) may not take their place.
        : dispute.RespondentEmail is { } sentTo && !string.Equals(sentTo, confirmedEmail, StringComparison.OrdinalIgnoreCase)
            ? Decision.Denied($"This invitation was sent to {MaskedEmail(sentTo)}. Sign in with the account that uses that address, "
                + "with the address confirmed, to accept it; or ask the party who opened the dispute to issue a new link to your address.")
        : Decision.Granted;

    /// <summary>An address shown to whoever holds a link, with enough of it left to recognise: "j***@example.com".</summary>
    public static string MaskedEmail(string email) => email.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        ? $"{email[0]}***{email[at..]}"
        : "***";

    /// <param name="moderation">The statement's moderation state, null when it was never flagged or moderated (or not written yet).</param>
    public static Decision CanWriteStatement(ForumActor actor, Dispute dispute, PartyRole role, Moderation.ModeratedItem? moderation) =>
        CannotWrite(actor) is { } no ? no
        : !actor.Is(dispute.PartyId(role)) ? Decision.Denied($"Only the {role.ToString().ToLowerInvariant()} writes the {role.ToString().ToLowerInvariant()}'s statement.")
        : !IsLive(dispute) ? Decision.Denied(ClosedReason(dispute))
        : CanAuthorChange(moderation, Moderation.ContentKind.Statement);

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
