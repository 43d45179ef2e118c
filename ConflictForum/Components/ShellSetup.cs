using ConflictForum.Data;
using MudBlazor.Services;

namespace ConflictForum.Components;

/// <summary>The Blazor host, MudBlazor, health checks and the site-wide middleware.</summary>
public static class ShellSetup
{
    public static WebApplicationBuilder AddForumShell(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
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
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/healthz");
        ThemePreference.MapThemeEndpoint(app);
        return app;
    }
}
