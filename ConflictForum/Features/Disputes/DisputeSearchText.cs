using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// The words a dispute is found by, as one document: its title, summary, the parties' and organisation's names and the
/// parties' current statements, without what a moderator hid. Written by <see cref="DisputeSearchIndexer"/> in the
/// transaction of each step that changes them; the full-text index over it (SQLite's FTS5 table <c>DisputeSearch</c>, SQL
/// Server's full-text index) is created by the migrations and kept current by the database itself.
/// </summary>
public sealed class DisputeSearchText
{
    public int DisputeId { get; set; }

    public string Text { get; set; } = "";
}

internal sealed class DisputeSearchTextConfiguration : IEntityTypeConfiguration<DisputeSearchText>
{
    public void Configure(EntityTypeBuilder<DisputeSearchText> text)
    {
        text.HasKey(t => t.DisputeId);
        text.Property(t => t.DisputeId).ValueGeneratedNever();
        text.HasOne<Dispute>().WithOne().HasForeignKey<DisputeSearchText>(t => t.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
