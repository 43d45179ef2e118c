using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ConflictForum.Platform;

/// <summary>
/// Turns user Markdown into HTML that is safe to store and display. Markdig never passes raw HTML through;
/// HtmlSanitizer then checks what Markdig wrote against a small allowlist, so a Markdig bug or a new
/// extension cannot smuggle markup in.
/// </summary>
public sealed partial class MarkdownRenderer
{
    public const string TooDeeplyNested =
        "This text is nested too deeply to display. Reduce the nesting of quotes or lists.";

    private const string LinkRel = "nofollow ugc noopener";

    // Not UseAdvancedExtensions: its generic attributes let {style="position:fixed"} through.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Subscript | EmphasisExtraOptions.Superscript)
        .UseFootnotes()
        .Use<TaskBoxesAsText>()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>
    /// The one way a member's Markdown is accepted: the form's own rules first (<see cref="Inputs.Problem"/>: control
    /// characters, lengths), then what the renderer itself refuses (nesting too deep). The HTML to store, or the problem.
    /// </summary>
    public MarkdownResult Accept(object input, string? source) =>
        Inputs.Problem(input) is { } problem ? new MarkdownResult("", problem) : Render(source);

    public MarkdownResult Render(string? source)
    {
        if (string.IsNullOrEmpty(source)) return new MarkdownResult("", null);
        string html;
        try
        {
            // Qualified: the <Markdown/> component in this namespace hides Markdig's class.
            html = Markdig.Markdown.ToHtml(source, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's nesting limit guards its recursion; past it, the text is refused, not truncated.
            return new MarkdownResult("", TooDeeplyNested);
        }
        return new MarkdownResult(ScopeFootnotes(sanitizer.Sanitize(html), source), null);
    }

    // Markdig numbers footnotes fn:1, fn:2… in every text, so two statements on one page would share anchors and
    // a reader's click would jump to the other party's note. A prefix from the text's hash keeps them apart.
    // It only matches attributes Markdig wrote: user text cannot produce a raw id="…" (raw HTML is off).
    private static string ScopeFootnotes(string html, string source)
    {
        if (!html.Contains("fn:", StringComparison.Ordinal)) return html;
        var scope = "n" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(source)))[..8] + "-";
        return FootnoteAnchor().Replace(html, m => m.Groups[1].Value + scope + m.Groups[2].Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex("(id=\"|href=\"#)(fn(?:ref)?:)")]
    private static partial System.Text.RegularExpressions.Regex FootnoteAnchor();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = Set("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "sup", "sub",
                "blockquote", "code", "pre", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
                "div"),
            // What Markdig writes: div and id for footnotes, start for ordered lists, style for table column alignment.
            AllowedAttributes = Set("href", "src", "alt", "title", "id", "class", "start", "style"),
            AllowedCssProperties = Set("text-align"),
            // Only the classes Markdig writes for task lists and footnotes: user text never picks the site's own classes.
            AllowedClasses = Set("contains-task-list", "task-list-item", "footnotes", "footnote-ref", "footnote-back-ref"),
            AllowedSchemes = Set("http", "https", "mailto"),
            // Options start empty: without UriAttributes, href and src would not be checked against the schemes.
            UriAttributes = Set("href", "src"),
        })
        {
            // A tag Markdig writes that is missing from the list loses its markup, never the user's words.
            KeepChildNodes = true,
        };
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = IsAllowedUrl(e.Tag.LocalName, e.SanitizedUrl) ? e.SanitizedUrl : null;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element) return;
            // Markdig writes alignment only on table cells; a style anywhere else has no Markdown behind it.
            if (element.LocalName is not ("td" or "th")) element.RemoveAttribute("style");
            switch (element.LocalName)
            {
                case "a":
                    element.SetAttribute("rel", LinkRel);
                    break;
                case "pre" or "table":
                    // Code and tables scroll sideways inside their own box (app.css) rather than widen a phone's page; a
                    // box that scrolls must take the focus, or a keyboard cannot scroll it (WCAG 2.1.1).
                    element.SetAttribute("tabindex", "0");
                    break;
                case "img":
                    element.SetAttribute("loading", "lazy");
                    element.SetAttribute("referrerpolicy", "no-referrer");
                    break;
            }
        };
        return sanitizer;
    }

    // Relative URLs would point into this site (an image at /Account/Logout is a request with the reader's
    // cookie), so only footnote fragments stay relative. A Unix path parses as file:, which fails the scheme test.
    private static bool IsAllowedUrl(string tag, string? url) =>
        url is ['#', ..]
            ? tag == "a"
            : Uri.TryCreate(url, UriKind.Absolute, out var uri)
              && (uri.Scheme is "http" or "https" || (uri.Scheme == "mailto" && tag == "a"));

    private static HashSet<string> Set(params string[] items) => new(items, StringComparer.OrdinalIgnoreCase);

    /// <summary>Task list boxes as ☐/☑ characters: the sanitizer then needs no input element at all.</summary>
    private sealed class TaskBoxesAsText : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline) { }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html) html.ObjectRenderers.ReplaceOrAdd<HtmlTaskListRenderer>(new TaskBoxRenderer());
        }
    }

    private sealed class TaskBoxRenderer : HtmlObjectRenderer<TaskList>
    {
        protected override void Write(HtmlRenderer renderer, TaskList obj) => renderer.Write(obj.Checked ? "☑" : "☐");
    }
}
