using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Mediations;

/// <summary>
/// A request for a neutral mediator on a dispute, from asking through the other party's agreement and the queue to its end.
/// At most one open per dispute; a dispute may have several in turn. The mediator's notes are its timeline entries
/// (<see cref="Timeline.TimelineKind.MediatorNote"/>), flaggable like a reply.
/// </summary>
public sealed class Mediation
{
    public const int SummaryMaxLength = 2_000;

    public int Id { get; set; }

    public int DisputeId { get; set; }

    /// <summary>Which party asked for it.</summary>
    public PartyRole RequestedBy { get; set; }

    public DateTime RequestedAt { get; set; }

    public MediationStatus Status { get; set; }

    /// <summary>When the other party agreed (or declined).</summary>
    public DateTime? AnsweredAt { get; set; }

    public string? MediatorId { get; set; }

    public DateTime? TakenAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The mediator's public summary, when they closed it.</summary>
    public string? Summary { get; set; }

    public string? SummaryHtml { get; set; }

    public bool IsOpen => Status is MediationStatus.Requested or MediationStatus.Queued or MediationStatus.Active;

    /// <summary><see cref="IsOpen"/>, for a query.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Mediation, bool>> Open = m =>
        m.Status == MediationStatus.Requested || m.Status == MediationStatus.Queued || m.Status == MediationStatus.Active;
}

internal sealed class MediationConfiguration : IEntityTypeConfiguration<Mediation>
{
    public void Configure(EntityTypeBuilder<Mediation> mediation)
    {
        mediation.HasIndex(m => new { m.DisputeId, m.Status });
        mediation.HasIndex(m => new { m.Status, m.AnsweredAt }); // the queue, longest waiting first
        mediation.HasOne<Dispute>().WithMany().HasForeignKey(m => m.DisputeId).OnDelete(DeleteBehavior.Cascade);
        mediation.Property(m => m.RequestedBy).HasConversion<string>().HasMaxLength(16);
        mediation.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        mediation.Property(m => m.MediatorId).HasMaxLength(450);
        mediation.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(m => m.MediatorId).OnDelete(DeleteBehavior.Restrict);
        mediation.Property(m => m.Summary).HasMaxLength(Mediation.SummaryMaxLength);
        mediation.Ignore(m => m.IsOpen);
    }
}
