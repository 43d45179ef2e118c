using ConflictForum.Platform;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConflictForum.Features.Disputes;

public static class DisputesSetup
{
    public static WebApplicationBuilder AddForumDisputes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DisputeOptions>().BindConfiguration(DisputeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InvitationMailer>();
        services.AddSingleton<DisputeWriter>();
        services.AddSingleton<Timeline.ITimelineAnchors, DisputeTimelineAnchors>();
        services.AddSingleton<ForumGuardian>();
        services.AddSingleton<DisputeSnapshots>();
        services.AddScoped<DisputeService>();
        services.AddScoped<DisputeQueries>();
        services.AddOptions<FrontPageOptions>().BindConfiguration(FrontPageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHybridCache();
        services.AddScoped<FrontPageCache>();
        services.AddHostedService<DisputeDeadlineService>();
        services.AddSingleton<IDisputeCommitting, DisputeSearchIndexer>();
        services.AddHostedService<DisputeSearchBackfill>();
        // Redis pub/sub when Redis:Connection is set (several instances), else in-process. Read when first resolved,
        // so configuration added after this call (hosting, tests) counts.
        services.TryAddSingleton<IDisputeEvents>(sp => sp.GetRequiredService<IConfiguration>()["Redis:Connection"] is { Length: > 0 } redis
            ? new RedisDisputeEvents(redis, sp.GetRequiredService<ILogger<RedisDisputeEvents>>(),
                sp.GetRequiredService<ILogger<InProcessDisputeEvents>>())
            : new InProcessDisputeEvents(sp.GetRequiredService<ILogger<InProcessDisputeEvents>>()));
        services.AddScoped<CircuitDisputeUpdates>();
        return builder;
    }
}
