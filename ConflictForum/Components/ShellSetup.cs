using ConflictForum.Data;
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
                circuits.DisconnectedCircuitRetentionPeriod = builder.Configuration.GetValue("Circuits:DisconnectedRetention", TimeSpan.FromMinutes(3));
            })
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 256 * 1024);
        builder.Services.AddMudServices();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddDbContextCheck<ForumDbContext>("database");
        return builder;
    }

    public static WebApplication UseForumShell(this WebApplication app)
    {
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
