using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Platform;

public sealed class OnlyOneMarkupStringTests
{
    [Fact]
    public void Only_the_Markdown_component_turns_a_string_into_markup()
    {
        var source = Path.Combine(SourceTree.SolutionFolder(), "ConflictForum");

        var offenders = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Path.Combine(source, f)) is var text
                && (text.Contains("MarkupString", StringComparison.Ordinal) || text.Contains("AddMarkupContent", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

        // Every other page displays text, or stored HTML through <Markdown/>, which only MarkdownRenderer produced. The live
        // stream's regions (SharedMarkup) are HTML Blazor's own HtmlRenderer drew from components, sent to the page as strings.
        Assert.Equal(["Platform/Markdown.razor"], offenders);
    }
}
