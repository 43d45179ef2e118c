using Microsoft.AspNetCore.DataProtection;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// The signed token of an unsubscribe link: whose mail of which topic, valid for a year. Forged, altered or expired tokens
/// read as nothing.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("ConflictForum.Unsubscribe.v1").ToTimeLimitedDataProtector();

    public string For(string userId, NotificationTopic topic) =>
        Protector.Protect($"{topic}|{userId}", clock.GetUtcNow() + Lifetime);

    /// <returns>The member and topic, or null when the token is not one this site made, or has expired.</returns>
    public (string UserId, NotificationTopic Topic)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            var payload = Protector.Unprotect(token, out var expires);
            if (expires < clock.GetUtcNow()) return null;
            // Tokens mailed before topics had names say "disputes".
            return payload.Split('|', 2) is [var name, var userId]
                && Enum.TryParse<NotificationTopic>(name, ignoreCase: true, out var topic) && Enum.IsDefined(topic)
                ? (userId, topic) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
