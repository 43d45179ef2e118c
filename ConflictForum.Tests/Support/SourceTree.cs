namespace ConflictForum.Tests.Support;

/// <summary>The repository's hand-written C# and Razor files, for tests that read the code itself.</summary>
public static class SourceTree
{
    /// <summary>The folder holding ConflictForum.sln, found above the test's output folder.</summary>
    public static string SolutionFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConflictForum.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No ConflictForum.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The .cs and .razor files of <paramref name="project"/> (a folder of the solution), as '/'-separated paths
    /// relative to it, in order; build output left out.</summary>
    public static IReadOnlyList<string> In(string project)
    {
        var root = Path.Combine(SolutionFolder(), project);
        return [.. Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    public static string Read(string project, string file) => File.ReadAllText(Path.Combine(SolutionFolder(), project, file));
}
