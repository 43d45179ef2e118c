using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConflictForum.Platform;

/// <summary>The feature-agnostic services every feature uses.</summary>
public static class PlatformSetup
{
    public static IServiceCollection AddForumPlatform(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<BrowserDrafts>();
        services.TryAddSingleton<IDisputeEvents, InProcessDisputeEvents>();
        return services;
    }
}
