using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConflictForum.Platform.Email;

/// <summary>
/// Writes each message as an .eml file, named by when it was written and its Message-Id: a message delivered again (a
/// sender that crashed before recording it as sent) is recognised by its Message-Id and not written twice.
/// </summary>
internal sealed partial class PickupFolderDelivery(IOptions<EmailOptions> options, TimeProvider clock) : IMailDelivery
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct = default)
    {
        var folder = options.Value.PickupFolder!;
        Directory.CreateDirectory(folder);
        var id = Unsafe().Replace(message.MessageId ?? Guid.NewGuid().ToString("N"), "_");
        if (Directory.EnumerateFiles(folder, $"*-{id}.eml").Any()) return;
        var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{id}.eml");
        // Written aside and then moved in: a crash mid-write leaves no half message that would read as delivered.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, ct);
        File.Move(partial, path, overwrite: true);
    }

    [GeneratedRegex("[^A-Za-z0-9.@-]")]
    private static partial Regex Unsafe();
}
