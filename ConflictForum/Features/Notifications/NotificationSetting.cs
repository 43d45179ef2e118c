using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// How a member chose to hear of one topic; a topic without a row is heard of as <see cref="NotificationTopics.Default"/>
/// says. Set on the notifications page, and to <see cref="NotificationDelivery.Forum"/> by an unsubscribe link.
/// </summary>
public sealed class NotificationSetting
{
    public string UserId { get; set; } = "";

    public NotificationTopic Topic { get; set; }

    public NotificationDelivery Delivery { get; set; }

    public DateTime At { get; set; }
}

internal sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> setting)
    {
        setting.HasKey(s => new { s.UserId, s.Topic });
        setting.Property(s => s.UserId).HasMaxLength(450);
        setting.Property(s => s.Topic).HasConversion<string>().HasMaxLength(32);
        setting.Property(s => s.Delivery).HasConversion<string>().HasMaxLength(16);
        setting.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
