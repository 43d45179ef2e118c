namespace ConflictForum.Features.Notifications;

public static class MyDisputesSetup
{
    public static WebApplicationBuilder AddForumMyDisputes(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MyDisputesQueries>();
        return builder;
    }
}
