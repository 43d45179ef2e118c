using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Settlements;

public static class SettlementsSetup
{
    public static WebApplicationBuilder AddForumSettlements(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDisputeDeadlines, OfferExpiry>();
        builder.Services.AddSingleton<ISettlementFollowUps, SettlementFollowUps>();
        builder.Services.AddOptions<SettlementOptions>().BindConfiguration(SettlementOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TermsValidator>();
        builder.Services.AddScoped<OfferService>();
        builder.Services.AddScoped<SettlementReportService>();
        builder.Services.AddScoped<SettlementQueries>();
        return builder;
    }
}
