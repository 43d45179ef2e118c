using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// Whether the settlement was honoured: from its due date each party reports once, and answers the other's report once. A
/// report of "not honoured" marks the dispute Settlement disputed, which reopens the discussion. Every step is on the
/// dispute's timeline, in the step's own transaction, under the hash of what was said.
/// </summary>
public sealed class SettlementReportService(
    DisputeWriter writer,
    ForumGuardian guardian,
    TimelineWriter timeline,
    MarkdownRenderer markdown)
{
    /// <returns>The new report's id.</returns>
    public async Task<Outcome<int>> ReportAsync(ForumActor actor, int disputeId, ReportInput input, CancellationToken ct = default)
    {
        input.Note = input.Note?.Trim() ?? "";
        await using var write = await writer.BeginAsync(actor, disputeId, ct);
        if (!write.Found) return DisputeWrite.NotFound.As<int>();
        var (db, dispute, me, now) = (write.Db, write.Dispute, write.Actor, write.Now);
        var settlement = await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.DisputeId == disputeId, ct);
        var reports = await db.SettlementReports.AsNoTracking().Where(r => r.DisputeId == disputeId).ToListAsync(ct);
        if (guardian.CanReport(me, dispute, settlement, reports) is { Allowed: false } no) return no.AsOutcome().As<int>();
        var rendered = markdown.Accept(input, input.Note);
        if (rendered.Problem is { } problem) return Outcome.Invalid(problem).As<int>();

        var role = dispute.RoleOf(me)!.Value;
        var report = new SettlementReport
        {
            DisputeId = disputeId, SettlementId = settlement!.Id, Role = role, AuthorId = me.UserId!, Verdict = input.Verdict!.Value,
            Source = input.Note, Html = rendered.Html, CreatedAt = now,
        };
        db.SettlementReports.Add(report);
        if (await write.SaveAsync() is { Succeeded: false } unsaved) return unsaved.As<int>();
        var disputed = report.Verdict == ReportVerdict.NotHonoured && dispute.Status == DisputeStatus.Settled;
        if (disputed) dispute.Status = DisputeStatus.SettlementDisputed;
        var said = SettlementFollowUp.VerdictName(report.Verdict).ToLowerInvariant();
        await timeline.AppendAsync(db, disputeId, now, me, TimelineKind.SettlementReported,
            $"{me.DisplayName} ({PartyRoles.Name(role)}) reported the settlement {said}."
                + (disputed ? " The settlement is disputed: the discussion is open again." : ""),
            reference: Reference(report), contentHash: report.Hash, body: report.Source, bodyHtml: report.Html, ct: ct);
        // Every report changes how the outcome reads ("Settled · honoured"), which the page's banner and the readers' header
        // show: the status flag moves them (a report is rare, two a dispute at most).
        var committed = await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline | DisputeChanges.Status);
        return committed.Succeeded ? report.Id : committed.As<int>();
    }

    /// <summary>The other party's one answer to a report.</summary>
    public async Task<Outcome> AnswerReportAsync(ForumActor actor, int reportId, ReportAnswerInput input, CancellationToken ct = default)
    {
        input.Answer = input.Answer?.Trim() ?? "";
        var (write, report, refused) = await writer.BeginOnAsync(actor, db => db.SettlementReports.Where(r => r.Id == reportId),
            r => r.DisputeId, Outcome.NotFound(SettlementRefusals.ReportMissing), guardian.CanAnswerReport, ct);
        await using var _ = write;
        if (refused is not null) return refused;
        var (db, dispute, me, now, disputeId) = (write!.Db, write.Dispute, write.Actor, write.Now, write.Dispute.Id);
        var rendered = markdown.Accept(input, input.Answer);
        if (rendered.Problem is { } problem) return Outcome.Invalid(problem);

        (report!.AnswerSource, report.AnswerHtml, report.AnsweredAt) = (input.Answer, rendered.Html, now);
        var role = dispute.RoleOf(me)!.Value;
        await timeline.AppendAsync(db, disputeId, now, me, TimelineKind.SettlementReportAnswered,
            $"{me.DisplayName} ({PartyRoles.Name(role)}) answered the {PartyRoles.Name(report.Role)}'s report on the settlement.",
            reference: Reference(report), contentHash: report.AnswerHash, body: report.AnswerSource, bodyHtml: report.AnswerHtml,
            ct: ct);
        return await write.CommitAsync(DisputeChanges.Offers | DisputeChanges.Timeline);
    }

    /// <summary>The reference a report's entries (the report, then its answer) carry.</summary>
    public static string Reference(SettlementReport report) => $"report:{report.Id}";
}
