using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    /// <summary>A party who has not reported yet, on a settled dispute, from the settlement's due date.</summary>
    /// <param name="reports">The dispute's reports so far.</param>
    public Decision CanReport(ForumActor actor, Dispute dispute, Settlement? settlement, IEnumerable<SettlementReport> reports) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is not { } role ? Decision.Denied(SettlementRefusals.OnlyPartiesReport)
        : settlement is null || !IsSettled(dispute) ? Decision.Denied(SettlementRefusals.NotSettled)
        : Now < SettlementFollowUp.DueOf(settlement) ? Decision.Denied(SettlementRefusals.NotDueYet(SettlementFollowUp.DueOf(settlement)))
        : reports.Any(r => r.Role == role) ? Decision.Denied(SettlementRefusals.AlreadyReported)
        : Decision.Granted;

    /// <summary>The other party (never the reporter), once, on a settled dispute.</summary>
    public Decision CanAnswerReport(ForumActor actor, Dispute dispute, SettlementReport report) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is not { } role ? Decision.Denied(SettlementRefusals.OnlyPartiesReport)
        : role == report.Role ? Decision.Denied(SettlementRefusals.OwnReport)
        : !IsSettled(dispute) ? Decision.Denied(SettlementRefusals.NotSettled)
        : report.AnsweredAt is not null ? Decision.Denied(SettlementRefusals.AlreadyAnswered)
        : Decision.Granted;

    private static bool IsSettled(Dispute dispute) => dispute.Status is DisputeStatus.Settled or DisputeStatus.SettlementDisputed;
}
