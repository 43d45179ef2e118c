namespace ConflictForum.Features.Record;

public static class RecordSetup
{
    public static WebApplicationBuilder AddForumRecord(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RecordVerifier>();
        return builder;
    }
}
