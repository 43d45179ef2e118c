using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Timeline;

/// <summary>
/// One event on a dispute's record. Rows are only ever inserted: each carries a SHA-256 over its own content and
/// the previous entry's hash, so changing or deleting any row breaks the chain from there on.
/// </summary>
public sealed class TimelineEntry : IAppendOnly
{
    public long Id { get; set; }

    public int DisputeId { get; set; }

    /// <summary>1, 2, 3… within the dispute; unique, so two writers cannot both extend the chain from one entry.</summary>
    public int Sequence { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>
    /// When the entry was written (UTC): after <see cref="At"/> for a deadline applied late. The daily digest goes by it, so a
    /// day's digest no longer changes once the day is over. Not hashed (entries written before it existed still verify).
    /// </summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>The member who acted; null for the system (deadlines).</summary>
    public string? ActorId { get; set; }

    /// <summary>The actor's display name at the time, kept so the record reads the same after a rename.</summary>
    public string ActorName { get; set; } = "";

    public TimelineKind Kind { get; set; }

    /// <summary>One line a person reads: "Dana Whitfield opened the dispute."</summary>
    public string Summary { get; set; } = "";

    /// <summary>Markdown source of a reply posted on the timeline; null for other kinds.</summary>
    public string? Body { get; set; }

    /// <summary>Sanitized HTML of <see cref="Body"/>, rendered when saved.</summary>
    public string? BodyHtml { get; set; }

    /// <summary>What the entry points at, e.g. "statement:Claimant:2" for a statement version.</summary>
    public string? Reference { get; set; }

    /// <summary>
    /// SHA-256 of the referenced content (a statement version, a comment version, a resolution), so that content is covered by the
    /// chain too.
    /// </summary>
    public string? ContentHash { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> entry)
    {
        entry.ToTable("TimelineEntries");
        entry.HasIndex(e => new { e.DisputeId, e.Sequence }).IsUnique();
        entry.HasIndex(e => e.RecordedAt);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.ActorName).HasMaxLength(64);
        entry.Property(e => e.Summary).HasMaxLength(500);
        entry.Property(e => e.Reference).HasMaxLength(100);
        entry.Property(e => e.ContentHash).HasMaxLength(64).IsFixedLength();
        entry.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        entry.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
    }
}
