using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

public sealed partial class DisputeQueries
{
    /// <summary>
    /// The home page's lists as every reader sees them (hidden disputes blank, whoever asks): the disputes open for votes with
    /// the most activity, the running ones whose deadline is nearest, and the latest settled. Each list is the first rows of
    /// the dispute list with its filter and sort (<see cref="FrontPage"/> names them), read with a limit of its own.
    /// </summary>
    public async Task<FrontPage> FrontPageAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, size) = (Now, FrontPage.Size);
        var disputes = db.Disputes.AsNoTracking();
        var open = disputes.Where(d => d.Status == DisputeStatus.Open);
        var mostActive = await ReadAsync(open.OrderByDescending(d => d.ActivityCount).ThenByDescending(d => d.LastActivityAt));
        // Two reads, each along its deadline's index, rather than the list's one sort over every running dispute; a deadline
        // already past is left to the sweep, not shown as closing.
        var votingCloses = await ReadAsync(open.Where(d => d.VotingClosesAt > now).OrderBy(d => d.VotingClosesAt));
        var responseDue = await ReadAsync(disputes.Where(d => d.Status == DisputeStatus.AwaitingResponse && d.ResponseDeadline > now)
            .OrderBy(d => d.ResponseDeadline));
        var settled = await ReadAsync(disputes
            .Where(d => d.Status == DisputeStatus.Settled || d.Status == DisputeStatus.SettlementDisputed)
            .OrderByDescending(d => d.ClosedAt).ThenByDescending(d => d.Id));

        // One read of the settlements' follow-ups for all three lists.
        var read = await WithFollowUpsAsync(db, [.. mostActive.Concat(votingCloses).Concat(responseDue).Concat(settled)
            .DistinctBy(r => r.Dispute.Id).Select(r => AsOfNow(r))], ct);
        var byId = read.ToDictionary(r => r.Dispute.Id);
        List<DisputeRow> Rows(IEnumerable<DisputeRow> rows) => [.. rows.Select(r => byId[r.Dispute.Id])];
        return new FrontPage(
            Rows(mostActive),
            [.. Rows(votingCloses.Concat(responseDue)).Where(r => r.Outcome == DisputeOutcome.Running)
                .OrderBy(r => ClosesAt(r.Dispute)).ThenBy(r => r.Dispute.Id).Take(size)],
            Rows(settled),
            now);

        async Task<List<DisputeRow>> ReadAsync(IQueryable<Dispute> sorted) => await WithNames(db, sorted.Take(size)).ToListAsync(ct);
    }

    /// <summary>When a running dispute's current stage ends: the response deadline, else the end of voting.</summary>
    private static DateTime ClosesAt(Dispute dispute) =>
        dispute.Status == DisputeStatus.AwaitingResponse ? dispute.ResponseDeadline : dispute.VotingClosesAt ?? DateTime.MaxValue;

    /// <summary>
    /// The row as a reader who may not read a hidden dispute sees it: its title and summary blank, and the other party's name as
    /// the claimant typed it replaced (a respondent who joined is shown by their own public display name, an organisation by
    /// its own). A copy; the row given is unchanged, and returned as it is when the dispute is not hidden.
    /// </summary>
    public static DisputeRow AsEveryoneSees(DisputeRow row)
    {
        if (row.HiddenReason is null) return row;
        var dispute = row.Dispute.Copy();
        (dispute.Title, dispute.Summary) = (HiddenTitle, "");
        if (row.Organisation is null) dispute.RespondentName = HiddenPartyName;
        var named = dispute.RespondentId is not null || row.Organisation is not null;
        return row with { Dispute = dispute, RespondentName = named ? row.RespondentName : HiddenPartyName };
    }
}
