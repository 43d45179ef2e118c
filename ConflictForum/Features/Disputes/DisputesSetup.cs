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
        services.AddHostedService<DisputeDeadlineService>();
        return builder;
    }
}
