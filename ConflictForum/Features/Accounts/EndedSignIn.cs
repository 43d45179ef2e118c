using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Accounts;

/// <summary>
/// A sign-in that was signed out. Its cookie, and any copy of it, no longer opens the account, while the member's other
/// sign-ins (another device) go on. Kept until every cookie it could match has expired on its own.
/// </summary>
public sealed class EndedSignIn
{
    public const int IdLength = 32;

    /// <summary>The sign-in's id, from its cookie (<see cref="ForumClaims.SignInIdType"/>).</summary>
    public string SignInId { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime EndedAt { get; set; }
}

internal sealed class EndedSignInConfiguration : IEntityTypeConfiguration<EndedSignIn>
{
    public void Configure(EntityTypeBuilder<EndedSignIn> ended)
    {
        ended.HasKey(e => e.SignInId);
        ended.Property(e => e.SignInId).HasMaxLength(EndedSignIn.IdLength);
        ended.Property(e => e.UserId).HasMaxLength(450);
        ended.HasIndex(e => e.EndedAt);
    }
}
