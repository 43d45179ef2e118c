using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Deliberation;

internal sealed class DeliberationConfiguration :
    IEntityTypeConfiguration<FaultVote>, IEntityTypeConfiguration<Comment>,
    IEntityTypeConfiguration<CommentRevision>, IEntityTypeConfiguration<Resolution>, IEntityTypeConfiguration<Stance>
{
    public void Configure(EntityTypeBuilder<FaultVote> vote)
    {
        vote.Property(v => v.VoterId).HasMaxLength(450);
        vote.Property(v => v.Option).HasConversion<string>().HasMaxLength(24);
        vote.HasIndex(v => new { v.DisputeId, v.VoterId }).IsUnique();
        vote.HasOne<Dispute>().WithMany().HasForeignKey(v => v.DisputeId).OnDelete(DeleteBehavior.Cascade);
        vote.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(v => v.VoterId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.Property(c => c.AuthorId).HasMaxLength(450);
        comment.Property(c => c.AuthorRole).HasConversion<string>().HasMaxLength(16);
        comment.HasIndex(c => new { c.DisputeId, c.ParentId, c.Id });
        comment.HasOne<Dispute>().WithMany().HasForeignKey(c => c.DisputeId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        comment.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        comment.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CommentRevision> revision) => revision.HasIndex(r => r.CommentId);

    public void Configure(EntityTypeBuilder<Resolution> resolution)
    {
        resolution.Property(r => r.ProposerId).HasMaxLength(450);
        resolution.Property(r => r.Title).HasMaxLength(Resolution.TitleMaxLength);
        resolution.Property(r => r.ClaimantAnswer).HasConversion<string>().HasMaxLength(16);
        resolution.Property(r => r.RespondentAnswer).HasConversion<string>().HasMaxLength(16);
        resolution.HasIndex(r => r.DisputeId);
        resolution.HasOne<Dispute>().WithMany().HasForeignKey(r => r.DisputeId).OnDelete(DeleteBehavior.Cascade);
        resolution.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(r => r.ProposerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Stance> stance)
    {
        stance.Property(s => s.VoterId).HasMaxLength(450);
        stance.HasIndex(s => new { s.ResolutionId, s.VoterId }).IsUnique();
        stance.HasOne<Resolution>().WithMany().HasForeignKey(s => s.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        stance.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(s => s.VoterId).OnDelete(DeleteBehavior.Restrict);
    }
}
