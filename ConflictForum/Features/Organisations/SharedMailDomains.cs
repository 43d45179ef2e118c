namespace ConflictForum.Features.Organisations;

/// <summary>
/// Domains where anyone may get an address: a mailbox there proves nothing about who owns the organisation, so they verify
/// nothing by mail (an admin can still verify by hand). Free mail services, and a shared suffix such as co.uk standing for
/// a website of its own.
/// </summary>
public static class SharedMailDomains
{
    private static readonly HashSet<string> FreeMail = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "msn.com", "yahoo.com",
        "yahoo.co.uk", "ymail.com", "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me",
        "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com", "yandex.com", "yandex.ru", "mail.ru", "zoho.com", "fastmail.com",
        "tutanota.com", "tuta.io", "hey.com", "qq.com", "163.com", "126.com", "libero.it", "orange.fr", "free.fr", "t-online.de",
    };

    /// <summary>Second levels under a country code that are shared by everyone registered there (co.uk, com.au, ...).</summary>
    private static readonly HashSet<string> SharedSecondLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "com", "net", "org", "ac", "gov", "edu", "ltd", "plc", "me", "ne", "or", "gen",
    };

    /// <summary>Whether an address at <paramref name="domain"/> (or under it) says nothing of who holds it.</summary>
    public static bool IsShared(string domain)
    {
        var labels = domain.TrimEnd('.').Split('.');
        return FreeMail.Contains(domain) || labels.Length < 2
            || (labels.Length == 2 && labels[1].Length == 2 && SharedSecondLevels.Contains(labels[0]));
    }
}
