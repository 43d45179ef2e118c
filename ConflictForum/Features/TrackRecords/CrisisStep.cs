namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// One of the organisation's steps on one dispute: when it was reached and how long it took since the step before it that
/// was reached, or, not reached, whether the dispute still waits for it (and for how long so far).
/// </summary>
/// <param name="At">When it was reached (UTC); null when it was not.</param>
/// <param name="Gap">Since the latest earlier step reached before it; null for the first step and for one not reached.</param>
/// <param name="Waiting">Not reached, and the dispute can still reach it.</param>
/// <param name="WaitedSoFar">For a step still waited for: the time since the last step reached, up to now.</param>
/// <param name="IsSlow">The gap (or the wait so far) is above <see cref="CrisisReport.SlowFactor"/> × the organisation's median.</param>
public sealed record CrisisStep(CrisisStepKind Kind, DateTime? At, TimeSpan? Gap, bool Waiting, TimeSpan? WaitedSoFar, bool IsSlow)
{
    public bool IsReached => At is not null;
}
