using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Platform;

/// <summary>One counted write of one member, kept for the limiter's window.</summary>
public sealed class WriteEvent
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public WriteAction Action { get; set; }

    public DateTime At { get; set; }
}

internal sealed class WriteEventConfiguration : IEntityTypeConfiguration<WriteEvent>
{
    public void Configure(EntityTypeBuilder<WriteEvent> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => new { x.UserId, x.Action, x.At });
    }
}
