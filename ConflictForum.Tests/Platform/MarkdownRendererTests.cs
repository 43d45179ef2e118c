using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ConflictForum.Platform;

namespace ConflictForum.Tests.Platform;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    private IElement RenderBody(string source)
    {
        var result = renderer.Render(source);
        Assert.Null(result.Problem);
        return new HtmlParser().ParseDocument(result.Html).Body!;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_text_renders_to_nothing(string? source) =>
        Assert.Equal(new MarkdownResult("", null), renderer.Render(source));

    [Fact]
    public void Everyday_markdown_renders_to_its_elements()
    {
        var body = RenderBody("""
            *soft* **firm** ~~withdrawn~~ H~2~O x^2^

            1. first
            2. second

            | Party | Share |
            |:------|------:|
            | A     | 60 %  |

            - [ ] open point
            - [x] settled point

            Rules at https://example.com/rules and www.example.org.

            As agreed[^1].

            [^1]: In the first statement.
            """);

        Assert.Equal("soft", body.QuerySelector("em")!.TextContent);
        Assert.Equal("firm", body.QuerySelector("strong")!.TextContent);
        Assert.Equal("withdrawn", body.QuerySelector("del")!.TextContent);
        Assert.Equal("2", body.QuerySelector("sub")!.TextContent);
        Assert.Equal("2", body.QuerySelector("sup:not(a sup)")!.TextContent);
        Assert.Equal(["first", "second"], body.QuerySelector("ol")!.Children.Select(li => li.TextContent));

        Assert.Equal(["Party", "Share"], body.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal("text-align: right", body.QuerySelector("tbody td:last-child")!.GetAttribute("style"));

        // Task boxes are characters, so no input element needs to pass the sanitizer.
        Assert.Empty(body.QuerySelectorAll("input"));
        Assert.Equal(["☐ open point", "☑ settled point"],
            body.QuerySelectorAll("ul.contains-task-list > li").Select(li => li.TextContent));

        Assert.Equal(["https://example.com/rules", "http://www.example.org"],
            body.QuerySelectorAll("p a[href^='http']").Select(a => a.GetAttribute("href")));

        var reference = body.QuerySelector("a.footnote-ref")!.GetAttribute("href")!;
        Assert.StartsWith("#", reference, StringComparison.Ordinal);
        Assert.Equal("In the first statement.↩", body.QuerySelector("div.footnotes li")!.TextContent.Trim());
        Assert.Equal(reference[1..], body.QuerySelector("div.footnotes li")!.Id);
    }

    [Fact]
    public void Footnotes_of_two_texts_on_one_page_do_not_share_anchors()
    {
        var renderer = new MarkdownRenderer();
        var first = renderer.Render("Claimant's point.[^1]\n\n[^1]: The receipt.").Html;
        var second = renderer.Render("Respondent's point.[^1]\n\n[^1]: The terms.").Html;

        string NoteId(string html) => System.Text.RegularExpressions.Regex.Match(html, "<li id=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEqual(NoteId(first), NoteId(second));
        Assert.Contains($"href=\"#{NoteId(first)}\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_link_is_nofollow_ugc_noopener_and_opens_in_place()
    {
        var body = RenderBody(
            "[site](https://example.com) <https://example.net> www.example.org [mail](mailto:a@example.com) note[^n]\n\n[^n]: x");

        var links = body.QuerySelectorAll("a");
        Assert.Equal(6, links.Length);
        Assert.All(links, a =>
        {
            Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel"));
            Assert.False(a.HasAttribute("target"));
        });
    }

    [Fact]
    public void Images_load_lazily_from_absolute_web_addresses_only()
    {
        var body = RenderBody("![chart](https://example.com/chart.png \"Votes\") ![logout](/Account/Logout)");

        var images = body.QuerySelectorAll("img");
        Assert.Equal("https://example.com/chart.png", images[0].GetAttribute("src"));
        Assert.Equal("Votes", images[0].GetAttribute("title"));
        Assert.Equal("lazy", images[0].GetAttribute("loading"));
        Assert.Equal("no-referrer", images[0].GetAttribute("referrerpolicy"));
        // A relative image would be a request to this site carrying the reader's cookie.
        Assert.False(images[1].HasAttribute("src"));
    }

    public static TheoryData<string> TooDeep => new(
        new string('>', 10_000),
        new string('[', 10_000),
        string.Concat(Enumerable.Repeat("- ", 5_000)) + "item",
        string.Concat(Enumerable.Repeat("1. ", 5_000)) + "item",
        string.Concat(Enumerable.Repeat("> - ", 2_500)) + "item");

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Text_nested_past_the_limit_is_refused_with_a_reason(string source)
    {
        var result = renderer.Render(source);

        Assert.Equal("", result.Html);
        Assert.Equal("This text is nested too deeply to display. Reduce the nesting of quotes or lists.", result.Problem);
    }

    [Fact]
    public void Long_text_in_any_script_survives_intact()
    {
        const string Sentence = "Judge 👩🏽‍⚖️ says العدالة للجميع and 公平与正义 and न्याय सबके लिए है.";
        var paragraphs = Enumerable.Range(0, 400).Select(i => $"{i}: {Sentence} {Sentence}").ToList();
        var source = string.Join("\n\n", paragraphs);
        Assert.True(source.Length >= 20_000);

        var result = renderer.Render(source);

        Assert.Null(result.Problem);
        Assert.All(paragraphs, p => Assert.Contains($"<p>{p}</p>", result.Html, StringComparison.Ordinal));
    }
}
