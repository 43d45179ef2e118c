using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Platform;

public sealed class OnlyOneMarkupStringTests
{
    [Fact]
    public void Only_the_Markdown_component_turns_a_string_into_markup()
    {
        var offenders = SourceTree.In("ConflictForum")
            .Where(f => SourceTree.Read("ConflictForum", f) is var text
                && (text.Contains("MarkupString", StringComparison.Ordinal)
                    || text.Contains("AddMarkupContent", StringComparison.Ordinal)));

        // Every other page displays text, or stored HTML through <Markdown/>, which only MarkdownRenderer produced, or HTML that
        // WrittenMarkup wrote with HtmlWriter encoding every text (Markdown.Written). The live stream's regions (SharedMarkup)
        // are HTML Blazor's own HtmlRenderer rendered from components, sent to the page as strings.
        Assert.Equal(["Platform/Markdown.razor"], offenders);
    }
}
