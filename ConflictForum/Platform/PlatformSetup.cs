namespace ConflictForum.Platform;

/// <summary>The feature-agnostic services every feature uses.</summary>
public static class PlatformSetup
{
    public static IServiceCollection AddForumPlatform(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddOptions<WriteLimitOptions>().BindConfiguration(WriteLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WriteLimiter>();
        services.AddScoped<BrowserDrafts>();
        services.AddScoped<ReaderTimeZone>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ReaderTimeZoneCircuits>();
        services.AddSingleton<SharedMarkup>();
        services.AddSingleton<SharedTexts>();
        services.AddSingleton<WrittenMarkup>();
        return services;
    }
}
