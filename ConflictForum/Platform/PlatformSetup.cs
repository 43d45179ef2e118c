using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddScoped<CircuitDisputeUpdates>();
        services.AddSingleton<SharedMarkup>();
        services.AddSingleton<SharedTexts>();
        // Redis pub/sub when Redis:Connection is set (several instances), else in-process. Read when first resolved,
        // so configuration added after this call (hosting, tests) counts.
        services.TryAddSingleton<IDisputeEvents>(sp => sp.GetRequiredService<IConfiguration>()["Redis:Connection"] is { Length: > 0 } redis
            ? new RedisDisputeEvents(redis, sp.GetRequiredService<ILogger<RedisDisputeEvents>>(),
                sp.GetRequiredService<ILogger<InProcessDisputeEvents>>())
            : new InProcessDisputeEvents(sp.GetRequiredService<ILogger<InProcessDisputeEvents>>()));
        return services;
    }
}
