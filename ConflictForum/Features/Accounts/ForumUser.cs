using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Accounts;

/// <summary>A member. Others only ever see <see cref="DisplayName"/>; the e-mail stays private.</summary>
public sealed class ForumUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Upper-cased, whitespace-collapsed form of <see cref="DisplayName"/>; unique, so names differ by more than case.</summary>
    public string NormalizedDisplayName { get; set; } = "";

    /// <summary>When the account was registered (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Until when (UTC) a moderator suspended the member: they read but do not write, flag or vote. Null when not suspended.
    /// </summary>
    public DateTime? SuspendedUntil { get; set; }

    public string? SuspensionReason { get; set; }

    /// <summary>
    /// For a write on this row that does not go through Identity (moderation). Identity rewrites the whole row on its own
    /// writes (a failed sign-in, a profile or password change) checking only <see cref="IdentityUser.ConcurrencyStamp"/>:
    /// a new one makes such a write, read before this one, fail instead of undoing it. A new security stamp ends the
    /// member's sign-ins, so every session and open page sees the new standing at its next request.
    /// </summary>
    public void RenewStamps()
    {
        ConcurrencyStamp = Guid.NewGuid().ToString();
        SecurityStamp = NewSecurityStamp();
    }

    /// <summary>A new security stamp: random, since Identity's code-based tokens derive from it.</summary>
    public static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}

internal sealed class ForumUserConfiguration : IEntityTypeConfiguration<ForumUser>
{
    public void Configure(EntityTypeBuilder<ForumUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(DisplayNames.MaxLength).IsRequired();
        user.Property(u => u.NormalizedDisplayName).HasMaxLength(DisplayNames.MaxLength).IsRequired();
        user.HasIndex(u => u.NormalizedDisplayName).IsUnique();
        user.Property(u => u.SuspensionReason).HasMaxLength(500);
    }
}
