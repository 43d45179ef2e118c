using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using MudBlazor;

namespace ConflictForum.Features.Disputes;

/// <summary>How statuses, categories and deadlines read on screen, in one place.</summary>
public static class DisputeLabels
{
    /// <summary>How a public verdict's text begins while there is no clear verdict (<c>Deliberation.Verdict</c> writes it).</summary>
    public const string NoClearVerdictYet = "No clear verdict yet: ";

    /// <summary>A verdict frozen at close (<see cref="Dispute.FinalVerdict"/>), as read once voting is over: "No clear verdict: …",
    /// not "… yet: …".</summary>
    public static string FinalVerdict(string text) =>
        text.StartsWith(NoClearVerdictYet, StringComparison.Ordinal) ? "No clear verdict: " + text[NoClearVerdictYet.Length..] : text;

    /// <summary>What a party's statement panel says while there is no statement.</summary>
    public static string NoStatement(Dispute dispute, PartyRole role) =>
        role == PartyRole.Claimant ? "No statement yet."
        : dispute.Status is DisputeStatus.Closed or DisputeStatus.Withdrawn
            ? (dispute.RespondentId is null ? "The other party never joined." : "The respondent did not post a statement.")
        : dispute.RespondentId is null ? "The other party has not joined yet." : "The respondent has not posted a statement yet.";

    /// <summary>
    /// Where a timeline entry about a statement links to: that version in the statement's history; null for other entries.
    /// </summary>
    public static string? StatementVersionLink(int disputeId, TimelineEntry entry) =>
        entry.Kind is TimelineKind.StatementPosted or TimelineKind.StatementEdited
            && entry.Reference?.Split(':') is [_, var role, var number]
            ? DisputeAddresses.VersionUrl(disputeId, role, number)
            : null;

    public static string Status(Dispute dispute) =>
        dispute.RespondentDidNotRespond && dispute.Status == DisputeStatus.Open ? "Open · no response"
        : dispute.AwaitsRespondentStatement ? "Awaiting statement"
        : StatusName(dispute.Status);

    /// <summary>
    /// While the public waits for both sides: what happens next and when, said to <paramref name="viewer"/> (the respondent
    /// is told what to do); null once comments and votes are open.
    /// </summary>
    public static string? NextStep(DisputeRow row, PartyRole? viewer)
    {
        var d = row.Dispute;
        if (d.Status != DisputeStatus.AwaitingResponse) return null;
        var due = TimeText.Exact(d.ResponseDeadline);
        return d.RespondentId is null
            ? $"Waiting for {row.RespondentName} to join and give their side. Comments and votes open when both sides are heard, "
                + $"or at the response deadline ({due}) if {row.RespondentName} does not answer."
            : viewer == PartyRole.Respondent
                ? $"Post your statement before {due}. Comments and votes open when you do; without it, they open then with one side only."
                : $"{row.RespondentName} has joined and has until {due} to post their statement. Comments and votes open when they do, "
                    + "or then with one side only.";
    }

    public static string StatusName(DisputeStatus status) => status switch
    {
        DisputeStatus.AwaitingResponse => "Awaiting response",
        DisputeStatus.Open => "Open for votes",
        DisputeStatus.Closed => "Closed",
        DisputeStatus.Settled => "Settled",
        DisputeStatus.SettlementDisputed => "Settlement disputed",
        _ => "Withdrawn",
    };

    public static Color StatusColor(DisputeStatus status) => status switch
    {
        DisputeStatus.AwaitingResponse => Color.Warning,
        DisputeStatus.Open => Color.Success,
        DisputeStatus.Closed => Color.Default,
        DisputeStatus.Settled => Color.Success,
        DisputeStatus.SettlementDisputed => Color.Error,
        _ => Color.Dark,
    };

    public static string Category(DisputeCategory category) => category switch
    {
        DisputeCategory.Purchase => "Purchase",
        DisputeCategory.Service => "Service",
        DisputeCategory.Neighbours => "Neighbours",
        DisputeCategory.Workplace => "Workplace",
        _ => "Other",
    };

    public static string Role(PartyRole role) => role == PartyRole.Claimant ? "Claimant" : "Respondent";

    /// <summary>What the reader waits for and when: ("Response due", deadline), ("Voting closes", end), ("Closed", when).</summary>
    public static (string Label, DateTime? At) Deadline(DisputeRow row) => row.Dispute.Status switch
    {
        DisputeStatus.AwaitingResponse =>
            (row.Dispute.RespondentId is null ? "Response due" : "Statement due", row.Dispute.ResponseDeadline),
        DisputeStatus.Open => ("Voting closes", row.Dispute.VotingClosesAt),
        DisputeStatus.Closed => ("Closed", row.Dispute.ClosedAt),
        DisputeStatus.Settled or DisputeStatus.SettlementDisputed => ("Settled", row.Dispute.ClosedAt),
        _ => ("Withdrawn", null),
    };
}
