using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Settlements;

public static class SettlementsSetup
{
    public static WebApplicationBuilder AddForumSettlements(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDisputeDeadlines, OfferExpiry>();
        builder.Services.AddScoped<OfferService>();
        builder.Services.AddScoped<SettlementQueries>();
        return builder;
    }
}
