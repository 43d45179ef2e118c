using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Moderation;

internal sealed class ModerationConfiguration :
    IEntityTypeConfiguration<Flag>, IEntityTypeConfiguration<ModerationLogEntry>
{
    public void Configure(EntityTypeBuilder<Flag> flag)
    {
        flag.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        flag.Property(f => f.Reason).HasConversion<string>().HasMaxLength(24);
        flag.Property(f => f.FlaggerId).HasMaxLength(450);
        flag.Property(f => f.Note).HasMaxLength(Flag.NoteMaxLength);
        // Once per member and item, whatever the race: the index is the backstop behind the dispute's lock.
        flag.HasIndex(f => new { f.Kind, f.ItemId, f.FlaggerId }).IsUnique();
        flag.HasIndex(f => f.DisputeId);
        flag.HasOne<Dispute>().WithMany().HasForeignKey(f => f.DisputeId).OnDelete(DeleteBehavior.Cascade);
        flag.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(f => f.FlaggerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ModerationLogEntry> entry)
    {
        entry.ToTable("ModerationLog");
        entry.Property(e => e.ModeratorId).HasMaxLength(450);
        entry.Property(e => e.ModeratorName).HasMaxLength(64);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        entry.Property(e => e.TargetUserId).HasMaxLength(450);
        entry.Property(e => e.TargetName).HasMaxLength(64);
        entry.Property(e => e.Reason).HasMaxLength(ModeratedItem.ReasonMaxLength);
        entry.HasIndex(e => e.At);
    }
}
