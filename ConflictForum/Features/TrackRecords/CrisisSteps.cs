using ConflictForum.Features.Disputes;
using ConflictForum.Features.Organisations;
using ConflictForum.Features.Timeline;

namespace ConflictForum.Features.TrackRecords;

/// <summary>How the report reads an organisation's steps off its disputes' timelines, and judges their gaps.</summary>
internal static class CrisisSteps
{
    /// <summary>What the report needs of a dispute's row.</summary>
    internal sealed record Facts(int Id, string Title, DisputeStatus Status, string? RespondentId, DateTime CreatedAt);

    /// <summary>What the report needs of a timeline entry.</summary>
    internal sealed record Entry(int DisputeId, int Sequence, DateTime At, string? ActorId, TimelineKind Kind);

    private static readonly CrisisStepKind[] Kinds = Enum.GetValues<CrisisStepKind>();

    public static CrisisReport Report(Organisation organisation, IReadOnlyList<Facts> disputes, IReadOnlyList<Entry> entries,
        IReadOnlySet<string> members, bool capped, DateTime now)
    {
        var byDispute = entries.GroupBy(e => e.DisputeId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
        var rows = disputes.Select(d => RowOf(d, byDispute.GetValueOrDefault(d.Id) ?? [], members, now)).ToList();
        var medians = Kinds.Skip(1).Select(kind => MedianOf(kind, rows)).ToList();
        var judged = rows.Select(row => row with
        {
            Steps = [.. row.Steps.Select(step => step with { IsSlow = IsSlow(step, medians.Find(m => m.Kind == step.Kind)) })],
        }).ToList();
        return new CrisisReport(organisation, judged, medians, capped, now);
    }

    /// <summary>
    /// The dispute's steps: each the first entry of its kind (by its side where the step is the organisation's own: an entry
    /// by one of its members, or by the member who joined for it); each gap from the latest earlier step reached before it.
    /// </summary>
    private static CrisisReportRow RowOf(Facts dispute, List<Entry> entries, IReadOnlySet<string> members, DateTime now)
    {
        bool Ours(Entry e) => e.ActorId is { } id && (members.Contains(id) || id == dispute.RespondentId);
        DateTime? First(TimelineKind kind, bool ours) => entries.Find(e => e.Kind == kind && (!ours || Ours(e)))?.At;

        DateTime?[] reached =
        [
            First(TimelineKind.DisputeOpened, ours: false) ?? dispute.CreatedAt,
            First(TimelineKind.RespondentJoined, ours: false),
            First(TimelineKind.StatementPosted, ours: true),
            First(TimelineKind.OfferMade, ours: true),
            First(TimelineKind.Settled, ours: false),
            First(TimelineKind.SettlementReported, ours: true),
        ];
        var lastReached = reached.Max();
        var firstAwaited = Array.FindIndex(reached, at => at is null);
        var steps = Kinds.Select(kind =>
        {
            var at = reached[(int)kind];
            var before = reached.Take((int)kind).Where(b => b is not null && at is not null && b <= at).Max();
            var waiting = at is null && CanStillReach(kind, dispute.Status, reached);
            return new CrisisStep(kind, at, at is null || before is null ? null : at - before, waiting,
                waiting && (int)kind == firstAwaited ? now - lastReached : null, IsSlow: false);
        }).ToList();
        return new CrisisReportRow(dispute.Id, dispute.Title, dispute.Status, steps);
    }

    /// <summary>While the dispute runs, every step to settling can come; once settled, the organisation's report can.</summary>
    private static bool CanStillReach(CrisisStepKind kind, DisputeStatus status, DateTime?[] reached) => kind switch
    {
        CrisisStepKind.Reported => status is DisputeStatus.Settled or DisputeStatus.SettlementDisputed
            && reached[(int)CrisisStepKind.Settled] is not null,
        _ => status is DisputeStatus.AwaitingResponse or DisputeStatus.Open,
    };

    private static CrisisStepMedian MedianOf(CrisisStepKind kind, List<CrisisReportRow> rows)
    {
        var gaps = rows.Select(r => r.Step(kind).Gap).OfType<TimeSpan>().Order().ToList();
        if (gaps.Count == 0) return new CrisisStepMedian(kind, null, 0);
        var middle = gaps.Count / 2;
        var median = gaps.Count % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
        return new CrisisStepMedian(kind, median, gaps.Count);
    }

    /// <summary>A step reached is slow by its gap; one still waited for, by how long it has been waited for so far.</summary>
    private static bool IsSlow(CrisisStep step, CrisisStepMedian? median) =>
        median?.SlowAbove is { } slowAbove && (step.Gap ?? step.WaitedSoFar) is { } taken && taken > slowAbove;
}
