using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Disputes;

/// <summary>One version of a statement, never changed once written.</summary>
public sealed class StatementRevision
{
    public int Id { get; set; }

    public int StatementId { get; set; }

    public int Number { get; set; }

    public string Source { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTime At { get; set; }
}

internal sealed class StatementRevisionConfiguration : IEntityTypeConfiguration<StatementRevision>
{
    public void Configure(EntityTypeBuilder<StatementRevision> revision) =>
        revision.HasIndex(r => new { r.StatementId, r.Number }).IsUnique();
}
