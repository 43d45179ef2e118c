using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ConflictForum.Platform;

/// <summary>Where the forum is published, and what it trusts about the requests that reach it.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>The address readers use, e.g. <c>https://forum.example.org/</c>. Every link in a mail is built on it, never on a
    /// request's Host header (which anyone can forge). Default <c>http://localhost:5241/</c> in Development; required elsewhere.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>How long browsers keep to https once they have seen the site (Strict-Transport-Security). Default one year.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Addresses (or networks, <c>10.0.0.0/8</c>) of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
    /// believed. Default none: the headers are ignored, since any client could send them.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>An absolute link to <paramref name="relativePath"/> (no leading slash) on this site.</summary>
    public string Link(string relativePath)
    {
        var root = PublicUrl ?? throw new InvalidOperationException("Site:PublicUrl is not set.");
        // A base without a trailing slash would lose its last segment (https://example.org/forum + x = https://example.org/x).
        if (!root.AbsolutePath.EndsWith('/')) root = new Uri(root.AbsoluteUri + "/");
        return new Uri(root, relativePath).AbsoluteUri;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl is null)
            yield return new ValidationResult("Site:PublicUrl is not set. "
                + "Set it to the address readers use (e.g. https://forum.example.org/): "
                + "the links in password-reset, confirmation and invitation mails are built on it.", [nameof(PublicUrl)]);
        else if (!PublicUrl.IsAbsoluteUri || PublicUrl.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(PublicUrl.Query) || !string.IsNullOrEmpty(PublicUrl.Fragment))
            yield return new ValidationResult(
                $"Site:PublicUrl '{PublicUrl}' must be an absolute http or https address without query or fragment.",
                [nameof(PublicUrl)]);
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _) && !IPNetwork.TryParse(p, out _)))
            yield return new ValidationResult($"Site:KnownProxies: '{proxy}' is not an IP address or network.", [nameof(KnownProxies)]);
    }
}
