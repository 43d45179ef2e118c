using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Platform;

/// <summary>
/// One row per member that has made a limited write: each such write first updates it, in its own transaction, so a
/// member's limited writes queue on its row lock and each counts the events the ones before it committed.
/// </summary>
public sealed class WriteGate
{
    public string UserId { get; set; } = "";

    /// <summary>Limited writes that passed the gate; the update is what takes the lock, the number is only for reading.</summary>
    public long Writes { get; set; }
}

internal sealed class WriteGateConfiguration : IEntityTypeConfiguration<WriteGate>
{
    public void Configure(EntityTypeBuilder<WriteGate> e)
    {
        e.HasKey(x => x.UserId);
        e.Property(x => x.UserId).HasMaxLength(450);
    }
}
