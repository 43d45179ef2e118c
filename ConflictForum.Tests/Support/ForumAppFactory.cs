using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Support;

/// <summary>
/// The real app (Development settings, real SQLite file, real Identity) in a temp data folder of its own.
/// With <c>kestrel: true</c> it listens on a free loopback port, for the browser.
/// </summary>
public sealed class ForumAppFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder? ownedFolder;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly string environment;
    private readonly TimeProvider? clock;
    private readonly Action<IServiceCollection>? services;

    /// <param name="kestrel">
    /// Listen on a real loopback port (for the browser), with Site:PublicUrl set to it unless given; default in-memory.
    /// </param>
    /// <param name="dataFolder">Share a data folder between two instances (restart tests); default a new temp folder.</param>
    /// <param name="settings">Configuration the app starts with; default none.</param>
    /// <param name="clock">Replaces the app's clock (a FakeTimeProvider for deadline tests); default the system clock.</param>
    /// <param name="services">Replaces or wraps app services (e.g. a password hasher a test can pause); default none.</param>
    /// <param name="environment">The hosting environment; default Development.</param>
    public ForumAppFactory(bool kestrel = false, string? dataFolder = null, IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? clock = null, Action<IServiceCollection>? services = null, string environment = "Development")
    {
        this.clock = clock;
        this.services = services;
        this.environment = environment;
        if (dataFolder is null) ownedFolder = new TempFolder();
        DataFolder = dataFolder ?? ownedFolder!.Path;
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        Mail = new MailDrop(Path.Combine(DataFolder, "mail"));
        // Tests send notification mail themselves (NotificationMailer.SendDueAsync): a background sender on a test's clock
        // would mail at every advance of it. A test that wants it running says so.
        all.TryAdd("Notifications:RunOutbox", "false");
        if (kestrel)
        {
            // The port is chosen before start, so the links the site mails (built on Site:PublicUrl) lead back to it.
            var port = FreePort();
            UseKestrel(port);
            all.TryAdd("Site:PublicUrl", $"http://127.0.0.1:{port}/");
        }
        this.settings = all;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string DataFolder { get; }

    public MailDrop Mail { get; }

    /// <summary>The site's root address (a real port under Kestrel).</summary>
    public Uri RootUri
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("SeedDemoData", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(clock));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public HttpClient CreateBrowserLikeClient(bool followRedirects = true) =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
            BaseAddress = RootUri,
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            ownedFolder?.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        ownedFolder?.Dispose();
        GC.SuppressFinalize(this);
    }
}
