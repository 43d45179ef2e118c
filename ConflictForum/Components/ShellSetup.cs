using System.Net;
using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace ConflictForum.Components;

/// <summary>The Blazor host, MudBlazor, health checks and the site-wide middleware.</summary>
public static class ShellSetup
{
    public static WebApplicationBuilder AddForumShell(this WebApplicationBuilder builder)
    {
        // A 20,000-character statement of emoji and non-Latin text is ~120 KB as escaped JSON; SignalR's default is 32 KB.
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(circuits =>
            {
                // A network blip drops every page at once: keep them all, not the default 100, so they resume their
                // circuit (and the reader their place and half-written text) instead of reloading.
                circuits.DisconnectedCircuitMaxRetained = builder.Configuration.GetValue("Circuits:DisconnectedMaxRetained", 10_000);
                circuits.DisconnectedCircuitRetentionPeriod =
                    builder.Configuration.GetValue("Circuits:DisconnectedRetention", TimeSpan.FromMinutes(3));
            })
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 256 * 1024)
            // The reader's zone, read from the page's request, goes with the page into its circuit (ReaderTimeZone).
            .RegisterPersistentService<ReaderTimeZone>(Microsoft.AspNetCore.Components.Web.RenderMode.InteractiveServer);
        builder.Services.AddMudServices();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddDbContextCheck<ForumDbContext>("database");
        builder.AddForumSite();
        return builder;
    }

    /// <summary>The public address, and what the site trusts about a request: its Host, its proxies, https.</summary>
    private static void AddForumSite(this WebApplicationBuilder builder)
    {
        var site = builder.Services.AddOptions<SiteOptions>();
        if (builder.Environment.IsDevelopment()) site.Configure(o => o.PublicUrl = new Uri("http://localhost:5241/"));
        site.BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Outside Development only the public address's host is served (unless AllowedHosts says otherwise): a request
        // naming another host is refused before anything could echo it back.
        var allowedHostsConfigured = !string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]);
        if (!builder.Environment.IsDevelopment() && !allowedHostsConfigured)
        {
            builder.Services.AddOptions<HostFilteringOptions>().Configure<IOptions<SiteOptions>>((hosts, options) =>
                hosts.AllowedHosts = [options.Value.PublicUrl!.IdnHost]);
        }
        builder.Services.AddOptions<HstsOptions>()
            .Configure<IOptions<SiteOptions>>((hsts, options) => hsts.MaxAge = options.Value.HstsMaxAge);
        // Only the configured proxies are believed (the defaults trust loopback; an empty list would trust everyone).
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((forwarded, options) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.Value.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
                else forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        });
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    public static WebApplication UseForumShell(this WebApplication app)
    {
        // First, so the rate limits and https see the client's address and scheme, not the proxy's. Only with proxies
        // configured: with none the middleware would believe every client. (Read from configuration, so that a missing
        // Site:PublicUrl is reported by the options' validation at start.)
        if (app.Configuration.GetSection($"{SiteOptions.Section}:{nameof(SiteOptions.KnownProxies)}").GetChildren().Any())
            app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/healthz");
        ThemePreference.MapThemeEndpoint(app);
        return app;
    }
}
