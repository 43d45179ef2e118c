using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// Keeps organisations' track records current in the transaction of every step on their disputes: works out what the
/// dispute now adds to the counters (<see cref="FactsOf"/>), and moves each counter by the difference from what it added
/// before. Saved with the step or not at all, so the figures never drift from the record.
/// </summary>
internal sealed class TrackRecordKeeper(IDisputeOutcomes outcomes) : IDisputeCommitting
{
    public async Task<IReadOnlyCollection<string>> OnCommittingAsync(ForumDbContext db, Dispute dispute,
        IReadOnlyList<TimelineEntry> appended, CancellationToken ct)
    {
        if (dispute.RespondentOrganisationId is { } organisation) await KeepAsync(db, dispute, organisation, ct);
        return [];
    }

    /// <summary>
    /// Counts <paramref name="dispute"/> as it stands now in its organisation's record; a dispute a moderator hid counts for
    /// nothing while it is hidden (a public figure is not made of what the public may not read, and a batch of fake disputes,
    /// once hidden, no longer drags a company's record down).
    /// </summary>
    internal async Task KeepAsync(ForumDbContext db, Dispute dispute, int organisation, CancellationToken ct)
    {
        var now = await db.IsHiddenNowAsync(ContentKind.Dispute, dispute.Id, ct)
            ? []
            : FactsOf(dispute, await StepsAsync(db, dispute.Id, ct));
        var fact = db.TrackRecordFacts.Local.SingleOrDefault(f => f.DisputeId == dispute.Id)
            ?? await db.TrackRecordFacts.SingleOrDefaultAsync(f => f.DisputeId == dispute.Id, ct);
        var before = fact is null || fact.Keys.Length == 0 ? [] : fact.Keys.Split(' ').Select(TrackRecordKey.Parse).ToHashSet();
        foreach (var key in before.Except(now)) await MoveAsync(db, organisation, key, -1, ct);
        foreach (var key in now.Except(before)) await MoveAsync(db, organisation, key, +1, ct);
        var keys = string.Join(' ', now.Select(k => k.ToString()));
        if (fact is not null) fact.Keys = keys;
        else db.TrackRecordFacts.Add(new TrackRecordFact { DisputeId = dispute.Id, OrganisationId = organisation, Keys = keys });
    }

    /// <summary>
    /// The counters a dispute adds one to, given when its organisation answered and settled and how it was reported: each
    /// twice, in its opening month (the charts) and in all months together (the totals), so a page reads the totals and a
    /// year of months whatever the organisation's age and size.
    /// </summary>
    internal HashSet<TrackRecordKey> FactsOf(Dispute dispute, DisputeSteps steps)
    {
        var counted = new List<(TrackMeasure Measure, int Value)>
        {
            (TrackMeasure.Opened, 0), (TrackMeasure.Outcome, (int)outcomes.OutcomeOf(dispute)),
        };
        var keys = new HashSet<TrackRecordKey>();
        if (steps.AnsweredAt is { } answered)
        {
            counted.Add((TrackMeasure.Answered, 0));
            keys.Add(new(TrackMeasure.FirstResponseHours, TrackRecordCount.AllMonths,
                TrackRecordKey.HourBucket(answered - dispute.CreatedAt)));
        }
        else if (dispute.RespondentDidNotRespond) counted.Add((TrackMeasure.NotAnswered, 0));
        if (steps.SettledAt is { } settled)
        {
            counted.Add((TrackMeasure.Honour, (int)steps.Reported));
            keys.Add(new(TrackMeasure.SettlementHours, TrackRecordCount.AllMonths, TrackRecordKey.HourBucket(settled - dispute.CreatedAt)));
        }
        var month = TrackRecordKey.MonthOf(dispute.CreatedAt);
        foreach (var (measure, value) in counted)
        {
            keys.Add(new(measure, month, value));
            keys.Add(new(measure, TrackRecordCount.AllMonths, value));
        }
        return keys;
    }

    /// <summary>When the respondent's statement was posted, when the dispute settled, and how its settlement was reported.</summary>
    internal sealed record DisputeSteps(DateTime? AnsweredAt, DateTime? SettledAt, SettlementReported Reported);

    /// <summary>The dispute's steps as this write leaves them: what it adds is tracked, not saved yet.</summary>
    private static async Task<DisputeSteps> StepsAsync(ForumDbContext db, int disputeId, CancellationToken ct)
    {
        var answered = db.Statements.Local.FirstOrDefault(s => s.DisputeId == disputeId && s.Role == PartyRole.Respondent)?.PostedAt
            ?? await db.Statements.Where(s => s.DisputeId == disputeId && s.Role == PartyRole.Respondent)
                .Select(s => (DateTime?)s.PostedAt).SingleOrDefaultAsync(ct);
        var settled = db.Settlements.Local.FirstOrDefault(s => s.DisputeId == disputeId)?.SettledAt
            ?? await db.Settlements.Where(s => s.DisputeId == disputeId).Select(s => (DateTime?)s.SettledAt).SingleOrDefaultAsync(ct);
        if (settled is null) return new(answered, null, SettlementReported.NoReport);
        var verdicts = db.SettlementReports.Local.Where(r => r.DisputeId == disputeId).Select(r => r.Verdict)
            .Concat(await db.SettlementReports.Where(r => r.DisputeId == disputeId).Select(r => r.Verdict).ToListAsync(ct)).ToList();
        var reported = verdicts.Contains(ReportVerdict.NotHonoured) ? SettlementReported.NotHonoured
            : verdicts.Contains(ReportVerdict.PartlyHonoured) ? SettlementReported.PartlyHonoured
            : verdicts.Count > 0 ? SettlementReported.Honoured
            : SettlementReported.NoReport;
        return new(answered, settled, reported);
    }

    /// <summary>
    /// Moves one counter in place (no read-modify-write two steps on disputes of one organisation could interleave), making it
    /// on its first count.
    /// </summary>
    private static async Task MoveAsync(ForumDbContext db, int organisation, TrackRecordKey key, int by, CancellationToken ct)
    {
        if (db.TrackRecordCounts.Local.SingleOrDefault(c => c.OrganisationId == organisation && c.Measure == key.Measure
                && c.Month == key.Month && c.Value == key.Value) is { } added)
        {
            added.Count += by;
            return;
        }
        var moved = await db.TrackRecordCounts
            .Where(c => c.OrganisationId == organisation && c.Measure == key.Measure && c.Month == key.Month && c.Value == key.Value)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + by), ct);
        if (moved == 0)
        {
            db.TrackRecordCounts.Add(new TrackRecordCount
            {
                OrganisationId = organisation, Measure = key.Measure, Month = key.Month, Value = key.Value, Count = by,
            });
        }
    }
}
