using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// One counter of an organisation's track record: how many of its disputes have a <see cref="Measure"/> with a
/// <see cref="Value"/> in a <see cref="Month"/>. Moved by <see cref="TrackRecordKeeper"/> in the transaction of every step
/// that changes one, so its page reads a few hundred counters however many disputes it has.
/// </summary>
public sealed class TrackRecordCount
{
    /// <summary>The <see cref="Month"/> of the measures kept for all months together (the hour buckets of the medians).</summary>
    public static readonly DateTime AllMonths = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public int OrganisationId { get; set; }

    public TrackMeasure Measure { get; set; }

    /// <summary>The first day of the month the disputes were opened in (UTC), or <see cref="AllMonths"/>.</summary>
    public DateTime Month { get; set; }

    public int Value { get; set; }

    public int Count { get; set; }
}

internal sealed class TrackRecordCountConfiguration : IEntityTypeConfiguration<TrackRecordCount>
{
    public void Configure(EntityTypeBuilder<TrackRecordCount> count)
    {
        count.HasKey(c => new { c.OrganisationId, c.Measure, c.Month, c.Value });
        count.Property(c => c.Measure).HasConversion<string>().HasMaxLength(24);
        count.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
