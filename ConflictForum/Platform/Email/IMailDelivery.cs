using MimeKit;

namespace ConflictForum.Platform.Email;

/// <summary>The one seam every e-mail of the forum leaves through.</summary>
public interface IMailDelivery
{
    Task DeliverAsync(MimeMessage message, CancellationToken ct = default);
}
