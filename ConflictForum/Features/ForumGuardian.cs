using ConflictForum.Features.Deliberation;
using ConflictForum.Platform;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features;

/// <summary>
/// The one place that answers "may this actor do this to this item, now?". Each feature adds its rules in its
/// own folder (Disputes/ForumGuardian.Disputes.cs, ...); the gate every write passes first is here. Services ask
/// before every write, inside it (the guardian's clock is the one the write read its moment from, after the lock,
/// so a write that waited is judged as things stand when it runs); queries ask the same question for the page.
/// </summary>
public sealed partial class ForumGuardian(TimeProvider clock, IOptions<VotingOptions> voting)
{
    public const string SignInFirst = "Sign in to take part.";

    public const string SessionEnded = "Your session has ended; sign in again.";

    /// <summary>Until when a permanent suspension lasts.</summary>
    public static readonly DateTime Permanently = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private TimeSpan MinimumAccountAge => voting.Value.MinimumAccountAge;

    /// <summary>The refusal for an actor who may not write at all (not signed in, or suspended), or null when they may.</summary>
    public static Decision? CannotWrite(ForumActor actor) =>
        actor.SuspendedUntil is { } until ? Decision.Denied(SuspendedText(until))
        : actor.HasSessionEnded ? Decision.Denied(SessionEnded)
        : !actor.IsSignedIn ? Decision.Denied(SignInFirst)
        : null;

    public static string SuspendedText(DateTime until) => until >= Permanently
        ? "Your account is suspended: you can read, but not write, flag or vote."
        : $"Your account is suspended until {until:d MMM yyyy, HH:mm} UTC: you can read, but not write, flag or vote.";

    /// <summary>The refusal for an account too young to <paramref name="act"/> (vote, flag), or null when it may.</summary>
    private Decision? TooNewTo(string act, ForumActor actor)
    {
        var (now, minimumAccountAge) = (Now, MinimumAccountAge);
        return minimumAccountAge > TimeSpan.Zero && actor.AccountCreatedAt is { } created && now - created < minimumAccountAge
            ? Decision.Denied(
                $"New accounts can {act} {Hours(minimumAccountAge)} after joining: {Hours(minimumAccountAge - (now - created))} to go.")
            : null;
    }

    private static string Hours(TimeSpan span) => span.TotalHours >= 1.5
        ? $"{Math.Ceiling(span.TotalHours):0} hours"
        : $"{Math.Max(1, Math.Ceiling(span.TotalMinutes)):0} minutes";
}
