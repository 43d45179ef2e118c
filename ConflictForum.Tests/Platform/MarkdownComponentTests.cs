using Bunit;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Platform;

public sealed class MarkdownComponentTests : ForumComponentTest
{
    [Fact]
    public void Stored_html_renders_as_markup_inside_the_caller_classed_wrapper()
    {
        var cut = Render<Markdown>(p => p.Add(m => m.Html, "<p>hi</p>").Add(m => m.Class, "x"));

        var wrapper = cut.Find("div");
        Assert.Equal("cf-markdown x", wrapper.ClassName);
        Assert.Equal("hi", wrapper.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Without_a_class_only_the_markdown_class_is_set()
    {
        var cut = Render<Markdown>(p => p.Add(m => m.Html, "<p>hi</p>"));

        Assert.Equal("cf-markdown", cut.Find("div").ClassName);
    }
}
