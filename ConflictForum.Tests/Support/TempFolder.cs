namespace ConflictForum.Tests.Support;

/// <summary>A folder under the system temp directory, removed with its contents on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("conflictforum-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a SQLite handle still closing; the OS cleans temp */ }
        catch (UnauthorizedAccessException) { }
    }
}
