using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Deliberation;

public static class DeliberationSetup
{
    public static WebApplicationBuilder AddForumDeliberation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<VotingOptions>().BindConfiguration(VotingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDisputeClosing, VerdictAtClose>();
        services.AddSingleton<ITimelineRedaction, FrozenRankingRedaction>();
        services.AddSingleton<IDisputeOutcomes, DisputeOutcomes>();
        services.AddSingleton<VoteLookups>();
        services.AddSingleton<DeliberationService>(); // holds the votes' lanes
        services.AddSingleton<DeliberationQueries>(); // holds the discussion's shared reads
        return builder;
    }
}
