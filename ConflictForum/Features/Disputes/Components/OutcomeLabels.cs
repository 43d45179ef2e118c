using ConflictForum.Features.Deliberation;
using ConflictForum.Platform;
using MudBlazor;

namespace ConflictForum.Features.Disputes.Components;

/// <summary>How a dispute's outcome reads: its chip in lists and filters, and its banner on the page.</summary>
public static class OutcomeLabels
{
    /// <summary>The chip's words: "Verdict: claimant at fault", "No clear verdict", "Withdrawn"…</summary>
    public static string Name(DisputeOutcome outcome) => outcome switch
    {
        DisputeOutcome.ClaimantAtFault => "Verdict: claimant at fault",
        DisputeOutcome.RespondentAtFault => "Verdict: respondent at fault",
        DisputeOutcome.BothAtFault => "Verdict: both at fault",
        DisputeOutcome.NeitherAtFault => "Verdict: neither at fault",
        DisputeOutcome.NoClearVerdict => "No clear verdict",
        DisputeOutcome.Unanswered => "Unanswered",
        DisputeOutcome.Withdrawn => "Withdrawn",
        DisputeOutcome.Settled => "Settled",
        DisputeOutcome.SettlementDisputed => "Settled · disputed",
        _ => "Not ended yet",
    };

    public static Color Color(DisputeOutcome outcome) => outcome switch
    {
        DisputeOutcome.ClaimantAtFault or DisputeOutcome.RespondentAtFault or DisputeOutcome.BothAtFault
            or DisputeOutcome.NeitherAtFault => MudBlazor.Color.Primary,
        DisputeOutcome.Unanswered => MudBlazor.Color.Warning,
        DisputeOutcome.Settled => MudBlazor.Color.Success,
        DisputeOutcome.SettlementDisputed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>
    /// The banner's lines under the outcome: the verdict frozen at close (with its interval) and when it ended; null while
    /// the dispute runs.
    /// </summary>
    public static IReadOnlyList<string>? Details(DisputeRow row)
    {
        var d = row.Dispute;
        var ended = d.ClosedAt is { } at ? TimeText.Exact(at) : null;
        var verdict = d.FinalVerdict is { } text ? Verdict.AsFinal(text) : null;
        var votes = $"{d.VoteCount} {(d.VoteCount == 1 ? "vote" : "votes")}";
        return row.Outcome switch
        {
            DisputeOutcome.Running => null,
            DisputeOutcome.Withdrawn =>
                [$"The claimant withdrew this dispute{(ended is null ? "" : $" on {ended}")}. Its record stays readable."],
            DisputeOutcome.Settled =>
                [$"The parties settled on {ended}: the terms both accepted are below. Voting closed then, with {votes}."],
            DisputeOutcome.SettlementDisputed =>
            [
                $"The parties settled on {ended}, and then a party reported the settlement not honoured: its reports are below.",
                $"The discussion is open again; voting closed when they settled, with {votes}.",
            ],
            DisputeOutcome.Unanswered =>
            [
                $"{row.RespondentName} never gave their side: the response deadline ({TimeText.Exact(d.ResponseDeadline)}) passed "
                    + "without a statement, and the dispute was voted on with one side only.",
                $"Voting closed on {ended} with {votes}. {verdict}",
            ],
            _ => [$"{verdict}", $"Voting closed on {ended} with {votes}."],
        };
    }
}
