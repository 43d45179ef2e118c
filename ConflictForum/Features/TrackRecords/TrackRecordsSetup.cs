namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// Organisations' track records, built from the record: the public figures of their page, and the private crisis-process
/// report for their owners and agents.
/// </summary>
public static class TrackRecordsSetup
{
    public static WebApplicationBuilder AddForumTrackRecords(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TrackRecordKeeper>();
        builder.Services.AddSingleton<Disputes.IDisputeCommitting>(s => s.GetRequiredService<TrackRecordKeeper>());
        builder.Services.AddScoped<TrackRecordQueries>();
        builder.Services.AddScoped<CrisisReportQueries>();
        return builder;
    }
}
