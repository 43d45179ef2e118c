namespace ConflictForum.Tests.Support;

/// <summary>The app's source files, for tests that read the code itself.</summary>
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
}
