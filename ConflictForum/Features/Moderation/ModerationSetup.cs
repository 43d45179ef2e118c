namespace ConflictForum.Features.Moderation;

public static class ModerationSetup
{
    /// <summary>The moderation queue's address (its page links through it, and so do the moderators' alerts).</summary>
    public const string QueueUrl = "moderation";

    public static WebApplicationBuilder AddForumModeration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ModerationService>();
        services.AddScoped<ModerationQueries>();
        services.AddScoped<ReaderFlags>();
        services.AddTransient<FlagSpots>(); // one per panel that injects it
        return builder;
    }
}
