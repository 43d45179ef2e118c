using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Support;

/// <summary>A test class with its own running app and data folder, disposed after each test (xunit honours IAsyncDisposable).</summary>
public abstract class ForumAppTest : IAsyncDisposable
{
    /// <param name="kestrel">Listen on a real loopback port (streams a real HttpClient reads as they come).</param>
    protected ForumAppTest(TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false) =>
        App = new ForumAppFactory(kestrel: kestrel, clock: clock, settings: settings);

    /// <summary>With an app the test class configured itself (e.g. with services replaced).</summary>
    protected ForumAppTest(ForumAppFactory app) => App = app;

    protected ForumAppFactory App { get; }

    /// <summary>Members, disputes, votes and comments to start a test from, on this test's app.</summary>
    internal Scenario Given => new(App);

    /// <summary>A confirmed member without a password (hashing is slow and these tests never sign in over HTTP).</summary>
    internal Task<ConflictForum.Platform.ForumActor> MemberAsync(string displayName) => Given.MemberAsync(displayName);

    /// <summary>Gives the member a role (Moderator or Admin) and returns them as the services now read them.</summary>
    internal Task<ConflictForum.Platform.ForumActor> WithRoleAsync(ConflictForum.Platform.ForumActor member, string role) =>
        Given.WithRoleAsync(member, role);

    /// <summary>GETs a page as a browser would and returns its status and HTML-decoded markup.</summary>
    protected async Task<(System.Net.HttpStatusCode Status, string Html)> GetPageAsync(string path)
    {
        using var response = await App.CreateBrowserLikeClient().GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary><see cref="WithAsync"/> for helpers outside the test class.</summary>
    internal Task<TResult> Run<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull => WithAsync(action);

    /// <summary>Runs <paramref name="action"/> with a service from a fresh scope, as one request or circuit would.</summary>
    protected async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public virtual async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A <see cref="ForumAppTest"/> whose app runs on a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> the test advances.
/// </summary>
public abstract class ClockedForumAppTest : ForumAppTest
{
    protected ClockedForumAppTest(IReadOnlyDictionary<string, string?>? settings = null)
        : this(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)), settings)
    {
    }

    private ClockedForumAppTest(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings)
        : base(clock, settings) => Clock = clock;

    protected Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; }
}
