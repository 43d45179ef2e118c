using System.Text.RegularExpressions;
using MimeKit;

namespace ConflictForum.Tests.Support;

/// <summary>Reads the .eml files the app's pickup-folder delivery writes: the mail a user would receive.</summary>
public sealed partial class MailDrop(string folder)
{
    public IReadOnlyList<MimeMessage> To(string address) =>
        !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal)
                .Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList();

    /// <summary>
    /// The first link in the newest message to <paramref name="address"/> whose subject contains <paramref name="subject"/>.
    /// </summary>
    public Uri LinkIn(string address, string subject)
    {
        var message = To(address).LastOrDefault(m => (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No mail to {address} about '{subject}' in {folder}.");
        var match = Link().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"No link in the mail '{message.Subject}':\n{message.TextBody}");
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
