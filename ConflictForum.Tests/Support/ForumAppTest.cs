namespace ConflictForum.Tests.Support;

/// <summary>A test class with its own running app and data folder, disposed after each test (xunit honours IAsyncDisposable).</summary>
public abstract class ForumAppTest : IAsyncDisposable
{
    protected ForumAppFactory App { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
