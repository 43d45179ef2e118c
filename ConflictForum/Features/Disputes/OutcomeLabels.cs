using ConflictForum.Platform;
using MudBlazor;

namespace ConflictForum.Features.Disputes;

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

    /// <summary>
    /// The chip's and the banner's words for this dispute: a settled one adds whether it was honoured ("Settled · honoured",
    /// "Settled · awaiting reports", "Settled · no report"...); a missing report never reads as honoured.
    /// </summary>
    public static string Name(DisputeRow row) => row.Outcome == DisputeOutcome.Settled && row.FollowUp is { } followUp
        ? followUp.Honour switch
        {
            SettlementHonour.NotDue or SettlementHonour.AwaitingReports => "Settled · awaiting reports",
            SettlementHonour.AwaitingOneReport => "Settled · awaiting a report",
            SettlementHonour.Honoured => "Settled · honoured",
            SettlementHonour.PartlyHonoured => "Settled · partly honoured",
            SettlementHonour.HonouredByOne => "Settled · honoured (one report)",
            SettlementHonour.NoReport => "Settled · no report",
            _ => Name(DisputeOutcome.SettlementDisputed),
        }
        : Name(row.Outcome);

    public static Color Color(DisputeRow row) => row.Outcome == DisputeOutcome.Settled
        && row.FollowUp?.Honour is SettlementHonour.PartlyHonoured or SettlementHonour.NoReport
        ? MudBlazor.Color.Warning
        : Color(row.Outcome);

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
        var verdict = d.FinalVerdict is { } text ? DisputeLabels.FinalVerdict(text) : null;
        var votes = $"{d.VoteCount} {(d.VoteCount == 1 ? "vote" : "votes")}";
        return row.Outcome switch
        {
            DisputeOutcome.Running => null,
            DisputeOutcome.Withdrawn =>
                [$"The claimant withdrew this dispute{(ended is null ? "" : $" on {ended}")}. Its record stays readable."],
            DisputeOutcome.Settled =>
            [
                $"The parties settled on {ended}: the terms both accepted are below. Voting closed then, with {votes}.",
                .. row.FollowUp is { } followUp ? [FollowUpLine(row, followUp)] : Array.Empty<string>(),
            ],
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

    /// <summary>The banner's line on whether the settlement was honoured, with the dates that matter to it.</summary>
    private static string FollowUpLine(DisputeRow row, SettlementFollowUpState followUp)
    {
        var (due, windowEnds) = (TimeText.Exact(followUp.DueAt), TimeText.Exact(followUp.WindowEndsAt));
        var (reported, other) = followUp.ReportedBy == PartyRole.Respondent
            ? (row.RespondentName, row.ClaimantName)
            : (row.ClaimantName, row.RespondentName);
        return followUp.Honour switch
        {
            SettlementHonour.NotDue => $"The parties can report whether it was honoured from {due}.",
            SettlementHonour.AwaitingReports =>
                $"It was due on {due}; neither party has reported whether it was honoured yet (they can until {windowEnds}).",
            SettlementHonour.AwaitingOneReport =>
                $"{reported} reported it honoured; {other} has not reported yet (they can until {windowEnds}).",
            SettlementHonour.Honoured => "Both parties reported it honoured.",
            SettlementHonour.PartlyHonoured => "A party reported it only partly honoured: the reports are below.",
            SettlementHonour.HonouredByOne =>
                $"{reported} reported it honoured; {other} made no report by {windowEnds}, which is not counted as honoured.",
            SettlementHonour.NoReport => $"Neither party reported whether it was honoured by {windowEnds}.",
            _ => "A party reported it not honoured: the reports are below.",
        };
    }
}
