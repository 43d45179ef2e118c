namespace ConflictForum.Tests.Platform;

public sealed class OnlyOneMarkupStringTests
{
    [Fact]
    public void Only_the_Markdown_component_creates_a_MarkupString()
    {
        var source = Path.Combine(SolutionFolder(), "ConflictForum");

        var offenders = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Path.Combine(source, f)).Contains("MarkupString", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        // Every other page displays text, or stored HTML through <Markdown/>, which only MarkdownRenderer produced.
        Assert.Equal(["Platform/Markdown.razor"], offenders);
    }

    private static string SolutionFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConflictForum.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No ConflictForum.sln above {AppContext.BaseDirectory}.");
    }
}
