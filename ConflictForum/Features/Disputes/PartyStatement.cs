using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Disputes;

/// <summary>A party's position. The current text is kept here for fast reads; every version is a <see cref="StatementRevision"/>.</summary>
public sealed class PartyStatement
{
    public const int MaxLength = 20_000;

    public int Id { get; set; }

    public int DisputeId { get; set; }

    public PartyRole Role { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>The number of the current version: 1 when first posted.</summary>
    public int Revision { get; set; }

    public string Source { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTime PostedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<StatementRevision> Revisions { get; set; } = [];
}

internal sealed class PartyStatementConfiguration : IEntityTypeConfiguration<PartyStatement>
{
    public void Configure(EntityTypeBuilder<PartyStatement> statement)
    {
        statement.Property(s => s.Role).HasConversion<string>().HasMaxLength(16);
        statement.Property(s => s.AuthorId).HasMaxLength(450);
        statement.HasIndex(s => new { s.DisputeId, s.Role }).IsUnique();
        statement.HasOne<Dispute>().WithMany().HasForeignKey(s => s.DisputeId).OnDelete(DeleteBehavior.Cascade);
        statement.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        statement.HasMany(s => s.Revisions).WithOne().HasForeignKey(r => r.StatementId).OnDelete(DeleteBehavior.Cascade);
    }
}
