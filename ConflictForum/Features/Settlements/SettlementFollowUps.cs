using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// Whether settlements were honoured, for the rows Disputes reads (a page, a list, a profile): the settlements and their reports'
/// verdicts in one query, then <see cref="SettlementFollowUp.StateOf"/>, the rule the settlement card follows too.
/// </summary>
internal sealed class SettlementFollowUps(IOptions<SettlementOptions> options) : ISettlementFollowUps
{
    public async Task<IReadOnlyDictionary<int, SettlementFollowUpState>> StatesAsync(ForumDbContext db,
        IReadOnlyCollection<int> disputeIds, DateTime now, CancellationToken ct)
    {
        var settlements = await db.Settlements.AsNoTracking().Where(s => disputeIds.Contains(s.DisputeId))
            .Select(s => new
            {
                s.DisputeId, s.CarryOutBy, s.SettledAt,
                Reports = db.SettlementReports.Where(r => r.DisputeId == s.DisputeId).Select(r => new { r.Role, r.Verdict }).ToList(),
            })
            .ToListAsync(ct);
        return settlements.ToDictionary(s => s.DisputeId, s =>
        {
            var due = SettlementFollowUp.DueOf(s.CarryOutBy, s.SettledAt);
            var windowEnds = due + options.Value.ReportWindow;
            var state = SettlementFollowUp.StateOf([.. s.Reports.Select(r => r.Verdict)], due, windowEnds, now);
            return new SettlementFollowUpState(state, due, windowEnds, s.Reports is [var only] ? only.Role : null);
        });
    }
}
