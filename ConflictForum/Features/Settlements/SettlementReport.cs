using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// A party's word on whether the settlement was honoured, from its due date, and the other party's one answer to it: one
/// report per party, public, each on the timeline under its hash.
/// </summary>
public sealed class SettlementReport
{
    public const int NoteMaxLength = 2_000;

    public int Id { get; set; }

    public int DisputeId { get; set; }

    public int SettlementId { get; set; }

    /// <summary>Which party reported.</summary>
    public PartyRole Role { get; set; }

    public string AuthorId { get; set; } = "";

    public ReportVerdict Verdict { get; set; }

    public string Source { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The other party's answer, once given (never changed afterwards).</summary>
    public string? AnswerSource { get; set; }

    public string? AnswerHtml { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>The hash the report's entry keeps: the verdict with the note, so neither can change unseen.</summary>
    public string Hash => TimelineWriter.ContentHashOf($"{Verdict}\n{Source}", Html);

    /// <summary>The hash the answer's entry keeps; null while there is no answer.</summary>
    public string? AnswerHash => AnsweredAt is null ? null : TimelineWriter.ContentHashOf(AnswerSource ?? "", AnswerHtml ?? "");
}

internal sealed class SettlementReportConfiguration : IEntityTypeConfiguration<SettlementReport>
{
    public void Configure(EntityTypeBuilder<SettlementReport> report)
    {
        report.HasIndex(r => new { r.DisputeId, r.Role }).IsUnique(); // one report per party, whatever races to make a second
        report.HasOne<Dispute>().WithMany().HasForeignKey(r => r.DisputeId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne<Settlement>().WithMany().HasForeignKey(r => r.SettlementId).OnDelete(DeleteBehavior.NoAction);
        report.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        report.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(16);
        report.Property(r => r.AuthorId).HasMaxLength(450);
        report.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        report.Property(r => r.Source).HasMaxLength(SettlementReport.NoteMaxLength);
        report.Property(r => r.AnswerSource).HasMaxLength(SettlementReport.NoteMaxLength);
    }
}
