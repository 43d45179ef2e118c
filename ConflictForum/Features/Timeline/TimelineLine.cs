using ConflictForum.Platform;
using ConflictForum.Platform.LookAlikes;
using MudBlazor;

namespace ConflictForum.Features.Timeline;

/// <summary>
/// A timeline entry's line (its number, summary and version link) and its time, written once for every open page that shows
/// it alike (<see cref="WrittenMarkup"/>), with look-alikes of MudText and MudLink (Platform/LookAlikes): one frame in each
/// member's circuit instead of about twenty.
/// </summary>
public static class TimelineLine
{
    private static readonly string Body2 = LookAlikeClasses.Text(Typo.body2);
    private static readonly string Caption = LookAlikeClasses.Text(Typo.caption, "mud-text-secondary");
    private static readonly string VersionLink = LookAlikeClasses.Link(Typo.body2, "ml-1");

    /// <summary>The line's HTML, with its "view this version" link to <paramref name="link"/> (none when null).</summary>
    public static string Of(WrittenMarkup markup, TimelineEntry entry, string? link, TimeZoneInfo? zone) =>
        markup.Of(nameof(TimelineLine), (long)entry.DisputeId << 32 | (uint)entry.Sequence, zone,
            new From(entry.Sequence, entry.Summary, link, entry.Hash, entry.At), Write);

    private static void Write(HtmlWriter html, From line, TimeZoneInfo? zone)
    {
        html.Open("p", ("class", Body2), ("data-testid", "timeline-entry"))
            .Open("span", ("class", "cf-seq"), ("aria-label", $"Entry {line.Sequence}")).Text($"#{line.Sequence}").Close("span")
            .Text(" " + line.Summary);
        if (line.Link is { } href)
            html.Text(" ").Open("a", ("href", href), ("class", VersionLink)).Text("View this version").Close("a");
        html.Close("p").Open("span", ("class", Caption), ("title", $"SHA-256 {line.Hash}")).Time(line.At, zone).Close("span");
    }

    private readonly record struct From(int Sequence, string Summary, string? Link, string Hash, DateTime At);
}
