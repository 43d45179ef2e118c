using System.Linq.Expressions;
using ConflictForum.Features.Disputes;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Deliberation;

/// <summary>
/// A dispute's outcome, from its status and the verdict frozen at close (<see cref="VerdictAtClose"/>): the frozen words are the
/// record, so the chip, the banner and the list's filter all read them, never a verdict recounted with today's quorum. Each way
/// to end (a settlement too) is a value of <see cref="DisputeOutcome"/> and a line in each of the three members below.
/// </summary>
internal sealed class DisputeOutcomes(IOptions<VotingOptions> voting) : IDisputeOutcomes
{
    private static readonly (DisputeOutcome Outcome, string Prefix)[] Verdicts =
    [
        (DisputeOutcome.ClaimantAtFault, FindsPrefix(FaultOption.ClaimantAtFault)),
        (DisputeOutcome.RespondentAtFault, FindsPrefix(FaultOption.RespondentAtFault)),
        (DisputeOutcome.BothAtFault, FindsPrefix(FaultOption.Both)),
        (DisputeOutcome.NeitherAtFault, FindsPrefix(FaultOption.Neither)),
    ];

    private static string FindsPrefix(FaultOption option) => $"{Verdict.Finds}{FaultNames.Of(option)},";

    public DisputeOutcome OutcomeOf(Dispute untracked)
    {
        if (untracked.Status == DisputeStatus.Withdrawn) return DisputeOutcome.Withdrawn;
        if (untracked.Status == DisputeStatus.Settled) return DisputeOutcome.Settled;
        if (untracked.Status == DisputeStatus.SettlementDisputed) return DisputeOutcome.SettlementDisputed;
        if (untracked.Status != DisputeStatus.Closed) return DisputeOutcome.Running;
        // Closed in memory before the close is saved: the verdict closing will freeze, from the same counters.
        untracked.FinalVerdict ??= Verdict.Of(FaultTally.Of(untracked), voting.Value.Quorum, FaultNames.Of).Text;
        if (untracked.RespondentDidNotRespond) return DisputeOutcome.Unanswered;
        foreach (var (outcome, prefix) in Verdicts)
            if (untracked.FinalVerdict.StartsWith(prefix, StringComparison.Ordinal)) return outcome;
        return DisputeOutcome.NoClearVerdict;
    }

    public Expression<Func<Dispute, bool>> Having(DisputeOutcome outcome)
    {
        if (outcome == DisputeOutcome.Running)
            return d => d.Status == DisputeStatus.AwaitingResponse || d.Status == DisputeStatus.Open;
        if (outcome == DisputeOutcome.Withdrawn) return d => d.Status == DisputeStatus.Withdrawn;
        if (outcome == DisputeOutcome.Settled) return d => d.Status == DisputeStatus.Settled;
        if (outcome == DisputeOutcome.SettlementDisputed) return d => d.Status == DisputeStatus.SettlementDisputed;
        if (outcome == DisputeOutcome.Unanswered) return d => d.Status == DisputeStatus.Closed && d.OpenedAt == d.ResponseDeadline;
        var (claimant, respondent, both, neither) = (Verdicts[0].Prefix, Verdicts[1].Prefix, Verdicts[2].Prefix, Verdicts[3].Prefix);
        if (outcome == DisputeOutcome.NoClearVerdict)
        {
            return d => d.Status == DisputeStatus.Closed && d.OpenedAt != d.ResponseDeadline
                && (d.FinalVerdict == null || !(d.FinalVerdict.StartsWith(claimant) || d.FinalVerdict.StartsWith(respondent)
                    || d.FinalVerdict.StartsWith(both) || d.FinalVerdict.StartsWith(neither)));
        }
        var prefix = Verdicts.Single(v => v.Outcome == outcome).Prefix;
        return d => d.Status == DisputeStatus.Closed && d.OpenedAt != d.ResponseDeadline && d.FinalVerdict != null
            && d.FinalVerdict.StartsWith(prefix);
    }

    public Expression<Func<Dispute, int>> Rank
    {
        get
        {
            var (claimant, respondent, both, neither) = (Verdicts[0].Prefix, Verdicts[1].Prefix, Verdicts[2].Prefix, Verdicts[3].Prefix);
            return d => d.Status == DisputeStatus.Withdrawn ? (int)DisputeOutcome.Withdrawn
                : d.Status == DisputeStatus.Settled ? (int)DisputeOutcome.Settled
                : d.Status == DisputeStatus.SettlementDisputed ? (int)DisputeOutcome.SettlementDisputed
                : d.Status != DisputeStatus.Closed ? int.MaxValue
                : d.OpenedAt == d.ResponseDeadline ? (int)DisputeOutcome.Unanswered
                : d.FinalVerdict == null ? (int)DisputeOutcome.NoClearVerdict
                : d.FinalVerdict.StartsWith(claimant) ? (int)DisputeOutcome.ClaimantAtFault
                : d.FinalVerdict.StartsWith(respondent) ? (int)DisputeOutcome.RespondentAtFault
                : d.FinalVerdict.StartsWith(both) ? (int)DisputeOutcome.BothAtFault
                : d.FinalVerdict.StartsWith(neither) ? (int)DisputeOutcome.NeitherAtFault
                : (int)DisputeOutcome.NoClearVerdict;
        }
    }
}
