namespace ConflictForum.Platform;

public static class LocalUrl
{
    /// <summary>
    /// <paramref name="returnUrl"/> when it is a path on this site, else "/": a return address can never send a user elsewhere,
    /// nor fail the redirect (a control character cannot go into a Location header).
    /// </summary>
    public static string OrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\', StringComparison.Ordinal) && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
