using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConflictForum.Features.Timeline;

public static class TimelineSetup
{
    public static WebApplicationBuilder AddForumTimeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimelineWriter>();
        builder.Services.AddSingleton<RecordDigests>();
        builder.Services.AddSingleton<IInterceptor, AppendOnlyTimeline>();
        return builder;
    }
}
