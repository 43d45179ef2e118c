using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Deliberation;

public enum FaultOption
{
    ClaimantAtFault,
    RespondentAtFault,
    Both,
    Neither,
}

/// <summary>One member's answer to "who is at fault?" on one dispute; changeable until voting closes.</summary>
public sealed class FaultVote
{
    public long Id { get; set; }

    public int DisputeId { get; set; }

    public string VoterId { get; set; } = "";

    public FaultOption Option { get; set; }

    public DateTime CastAt { get; set; }
}

public sealed class Comment
{
    public const int MaxLength = 5_000;

    public int Id { get; set; }

    public int DisputeId { get; set; }

    /// <summary>The top-level comment this replies to; replies nest one level.</summary>
    public int? ParentId { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>Set when a party wrote it, for the "claimant"/"respondent" badge.</summary>
    public PartyRole? AuthorRole { get; set; }

    public string Source { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    /// <summary>The author deleted it: the thread shows "[deleted]"; the text stays on the record for moderators.</summary>
    public DateTime? DeletedAt { get; set; }

    public List<CommentRevision> Revisions { get; set; } = [];
}

/// <summary>A comment's text before an edit, kept on the record.</summary>
public sealed class CommentRevision
{
    public int Id { get; set; }

    public int CommentId { get; set; }

    public string Source { get; set; } = "";

    /// <summary>The HTML shown for <see cref="Source"/>, kept so the hash its timeline entry recorded can be recomputed; null for edits made before it was kept.</summary>
    public string? Html { get; set; }

    public DateTime At { get; set; }
}

public enum PartyAnswer
{
    Undecided,
    Accepts,
    Declines,
}

public sealed class Resolution
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 5_000;

    public int Id { get; set; }

    public int DisputeId { get; set; }

    public string ProposerId { get; set; } = "";

    public string Title { get; set; } = "";

    public string Source { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public int Support { get; set; }

    public int Oppose { get; set; }

    public PartyAnswer ClaimantAnswer { get; set; }

    public PartyAnswer RespondentAnswer { get; set; }
}

/// <summary>One member's support or opposition to one resolution.</summary>
public sealed class Stance
{
    public long Id { get; set; }

    public int ResolutionId { get; set; }

    public string VoterId { get; set; } = "";

    public bool Supports { get; set; }
}

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
