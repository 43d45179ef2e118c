using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Disputes;

/// <summary>A single-use link for the other party. Only the token's SHA-256 is stored; the token itself is shown once.</summary>
public sealed class Invitation
{
    public int Id { get; set; }

    public int DisputeId { get; set; }

    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public string? AcceptedById { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsUsable(DateTime now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary><see cref="IsUsable"/> for queries.</summary>
    public static System.Linq.Expressions.Expression<Func<Invitation, bool>> LiveAt(DateTime now) =>
        i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now;

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewToken() => Base64UrlToken(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Timeline.TimelineWriter.Sha256(token);

    private static string Base64UrlToken(byte[] bytes) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes);
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength();
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.Property(i => i.AcceptedById).HasMaxLength(450);
        invitation.HasOne<Dispute>().WithMany().HasForeignKey(i => i.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}
