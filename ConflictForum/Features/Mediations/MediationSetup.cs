using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Mediations;

public static class MediationSetup
{
    public static WebApplicationBuilder AddForumMediation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MediationDeadlines>();
        builder.Services.AddSingleton<IDisputeDeadlines>(s => s.GetRequiredService<MediationDeadlines>());
        builder.Services.AddSingleton<IDisputeMediators, DisputeMediators>();
        builder.Services.AddSingleton<IDisputeClosing>(s => s.GetRequiredService<MediationDeadlines>());
        builder.Services.AddScoped<MediationService>();
        builder.Services.AddScoped<MediationQueries>();
        return builder;
    }
}
