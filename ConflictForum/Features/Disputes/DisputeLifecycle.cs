namespace ConflictForum.Features.Disputes;

/// <summary>The deadline rules in one place: which transitions are due for a dispute at a given instant.</summary>
public static class DisputeLifecycle
{
    public sealed record Transition(DisputeStatus To, DateTime At, string Summary);

    /// <summary>What the timeline says when the respondent's first statement opens the dispute.</summary>
    public const string BothHeard = "Both parties have posted their statements. The dispute is open for comments and votes.";

    /// <summary>What the timeline says when the response deadline opens a dispute the respondent joined but did not answer.</summary>
    public const string JoinedButSilent = "The response window ended without a statement from the other party. "
        + "The dispute is open for comments and votes with one side only.";

    /// <summary>Transitions due by <paramref name="now"/>, in order, without changing <paramref name="dispute"/>.</summary>
    public static IReadOnlyList<Transition> Due(Dispute dispute, DateTime now, TimeSpan votingWindow)
    {
        var due = new List<Transition>();
        var status = dispute.Status;
        var closesAt = dispute.VotingClosesAt;
        if (status == DisputeStatus.AwaitingResponse && now >= dispute.ResponseDeadline)
        {
            due.Add(new(DisputeStatus.Open, dispute.ResponseDeadline, dispute.RespondentId is null
                ? "The response window ended without an answer from the other party. The dispute is open for comments and votes."
                : JoinedButSilent));
            status = DisputeStatus.Open;
            closesAt = dispute.ResponseDeadline + votingWindow;
        }
        if (status == DisputeStatus.Open && closesAt is { } end && now >= end)
        {
            due.Add(new(DisputeStatus.Closed, end, "Voting ended. The dispute is closed and its record is final."));
        }
        return due;
    }

    /// <summary>Applies one transition to the row.</summary>
    public static void Apply(Dispute dispute, Transition transition, TimeSpan votingWindow)
    {
        dispute.Status = transition.To;
        if (transition.To == DisputeStatus.Open)
        {
            dispute.OpenedAt = transition.At;
            dispute.VotingClosesAt = transition.At + votingWindow;
        }
        else if (transition.To == DisputeStatus.Closed)
        {
            dispute.ClosedAt = transition.At;
        }
    }

    /// <summary>
    /// Brings a row read for display up to <paramref name="now"/> in memory, so readers see a deadline's effect
    /// even before a write or the sweep has saved it. Never call on a tracked entity.
    /// </summary>
    public static Dispute AsOf(this Dispute untracked, DateTime now, TimeSpan votingWindow)
    {
        foreach (var transition in Due(untracked, now, votingWindow)) Apply(untracked, transition, votingWindow);
        return untracked;
    }
}
