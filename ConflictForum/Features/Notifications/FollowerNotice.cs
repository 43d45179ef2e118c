using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// A step every follower of a dispute is to hear of (a statement, a resolution, the settlement, the outcome), written in the
/// step's transaction; <see cref="FollowerFanOut"/> tells the followers after the commit, so a dispute with ten thousand
/// followers costs the step that caused it one row.
/// </summary>
public sealed class FollowerNotice
{
    public long Id { get; set; }

    public int DisputeId { get; set; }

    public int Sequence { get; set; }

    public TimelineKind Kind { get; set; }

    public string? ActorId { get; set; }

    public string DisputeTitle { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime At { get; set; }

    public DateTime? DoneAt { get; set; }

    public DateTime? ClaimedUntil { get; set; }
}

internal sealed class FollowerNoticeConfiguration : IEntityTypeConfiguration<FollowerNotice>
{
    public void Configure(EntityTypeBuilder<FollowerNotice> notice)
    {
        notice.HasIndex(n => new { n.DisputeId, n.Sequence }).IsUnique();
        notice.HasIndex(n => n.DoneAt);
        notice.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        notice.Property(n => n.ActorId).HasMaxLength(450);
        notice.Property(n => n.DisputeTitle).HasMaxLength(Disputes.Dispute.TitleMaxLength);
        notice.Property(n => n.Text).HasMaxLength(1_000);
    }
}
