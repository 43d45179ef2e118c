namespace ConflictForum.Platform;

/// <summary>What <c>ForumGuardian</c> answers: allowed, or why not.</summary>
public readonly record struct Decision(bool Allowed, string Reason)
{
    public static readonly Decision Granted = new(true, "");

    public static Decision Denied(string reason) => new(false, reason);

    public Outcome AsOutcome() => Allowed ? Outcome.Ok : Outcome.Refused(Reason);
}
