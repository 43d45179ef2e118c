using Microsoft.Extensions.Options;
using MimeKit;

namespace ConflictForum.Platform.Email;

internal sealed class PickupFolderDelivery(IOptions<EmailOptions> options, TimeProvider clock) : IMailDelivery
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct = default)
    {
        var folder = options.Value.PickupFolder!;
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        await message.WriteToAsync(Path.Combine(folder, name), ct);
    }
}
