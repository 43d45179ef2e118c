using System.Text;
using System.Text.Encodings.Web;

namespace ConflictForum.Platform;

/// <summary>
/// Writes a small piece of HTML for <see cref="WrittenMarkup"/>: every text and attribute value is encoded with the encoder
/// Blazor encodes a page's with, so what a member typed (a name, a summary) reaches the page as text, never as markup.
/// Stored HTML never goes through it: that reaches the page only through <c>Markdown</c>.
/// </summary>
public sealed class HtmlWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private readonly StringBuilder html = new(256);

    /// <summary>An opening tag with its attributes; those whose value is null are left out.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            html.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
        }
        html.Append('>');
        return this;
    }

    /// <summary>Text, encoded.</summary>
    public HtmlWriter Text(string text)
    {
        html.Append(Encoder.Encode(text));
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>
    /// A &lt;time&gt; as <c>LocalTime.Of</c> renders it: in <paramref name="zone"/>, or, without one, in UTC and marked for the
    /// browser to write in the reader's zone.
    /// </summary>
    public HtmlWriter Time(DateTime utc, TimeZoneInfo? zone) =>
        Open("time", ("datetime", TimeText.Iso(utc)), ("title", TimeText.Exact(utc)), (LocalTime.InBrowser, zone is null ? "" : null))
            .Text(zone is null ? TimeText.Exact(utc) : TimeText.Exact(utc, zone)).Close("time");

    public override string ToString() => html.ToString();
}
