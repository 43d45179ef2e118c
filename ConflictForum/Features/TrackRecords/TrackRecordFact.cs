using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// What one dispute against an organisation adds to its <see cref="TrackRecordCount"/>s, as last counted: the next step on
/// the dispute counts the difference, so a dispute is never counted twice or left counted as it was.
/// </summary>
public sealed class TrackRecordFact
{
    public int DisputeId { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>The counters it adds one to, as <see cref="TrackRecordKey"/>s joined by spaces.</summary>
    public string Keys { get; set; } = "";
}

internal sealed class TrackRecordFactConfiguration : IEntityTypeConfiguration<TrackRecordFact>
{
    public void Configure(EntityTypeBuilder<TrackRecordFact> fact)
    {
        fact.HasKey(f => f.DisputeId);
        fact.Property(f => f.DisputeId).ValueGeneratedNever();
        fact.Property(f => f.Keys).HasMaxLength(400);
        fact.HasIndex(f => f.OrganisationId);
        fact.HasOne<Disputes.Dispute>().WithOne().HasForeignKey<TrackRecordFact>(f => f.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
