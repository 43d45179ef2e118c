using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace ConflictForum.Platform;

/// <summary>
/// The time zone the reader's browser is in, for the times a page shows (<see cref="Show"/>). A page no circuit owns is
/// written in UTC, marked, and the browser writes each time in its own zone (js/time.js), so the same HTML serves every
/// reader (the live stream renders a region once for all). A circuit's page is written by the server in the reader's zone:
/// a script rewriting text Blazor owns would break its diff. The circuit learns the zone from the page it started on: the
/// browser keeps it in a cookie (<see cref="CookieName"/>, set by time.js), the request's scope reads it (App.razor), and
/// it is persisted into the page and restored into the circuit's scope (RegisterPersistentService) before its first
/// render, so no time is rendered twice. Until the browser has set the cookie (its very first page), a circuit writes UTC.
/// </summary>
public sealed partial class ReaderTimeZone
{
    public const string CookieName = "cf-tz";

    private TimeZoneInfo? zone;

    /// <summary>The IANA id the browser reported, when it is one this server knows; null for none.</summary>
    [PersistentState]
    public string? BrowserZone { get; set; }

    /// <summary>The zone of <see cref="BrowserZone"/>, UTC when there is none.</summary>
    public TimeZoneInfo Zone => zone ??= BrowserZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)
        ? found
        : TimeZoneInfo.Utc;

    /// <summary>Reads the browser's zone from its cookie (a request's scope, for the circuit that starts from its page).</summary>
    public void ReadFrom(HttpRequest request)
    {
        var id = request.Cookies[CookieName];
        BrowserZone = id is { Length: <= 64 } && ZoneId().IsMatch(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? id : null;
        zone = null;
    }

    /// <summary>
    /// Whether this scope is a circuit's (set as it opens, before it renders anything: <see cref="ReaderTimeZoneCircuits"/>);
    /// false for a request's and for the live stream's renderer.
    /// </summary>
    public bool InCircuit { get; internal set; }

    /// <summary>
    /// <paramref name="utc"/> as a &lt;time&gt; (<see cref="LocalTime.Of"/>): in this reader's zone on a circuit's page,
    /// else marked for the browser to write.
    /// </summary>
    public RenderFragment Show(DateTime utc) => LocalTime.Of(utc, Writes);

    /// <summary>The zone this scope writes times in: the reader's in a circuit, else none (the browser writes them).</summary>
    public TimeZoneInfo? Writes => InCircuit ? Zone : null;

    [GeneratedRegex("^[A-Za-z0-9_+/-]+$")]
    private static partial Regex ZoneId();
}
