using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Notifications;

/// <summary>A member who wants no e-mail of one topic (they still see it in the forum). Set by an unsubscribe link.</summary>
public sealed class MailOptOut
{
    /// <summary>Steps on the member's own disputes: the other side's moves, offers, mediation, settlement, deadlines.</summary>
    public const string Disputes = "disputes";

    public string UserId { get; set; } = "";

    public string Topic { get; set; } = "";

    public DateTime At { get; set; }
}

internal sealed class MailOptOutConfiguration : IEntityTypeConfiguration<MailOptOut>
{
    public void Configure(EntityTypeBuilder<MailOptOut> optOut)
    {
        optOut.HasKey(o => new { o.UserId, o.Topic });
        optOut.Property(o => o.UserId).HasMaxLength(450);
        optOut.Property(o => o.Topic).HasMaxLength(32);
        optOut.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
