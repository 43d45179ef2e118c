namespace ConflictForum.Features.Live;

/// <summary>The readers' live stream: <c>GET /disputes/{id}/live</c>.</summary>
public static class LiveSetup
{
    public static WebApplicationBuilder AddForumLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReaderDisputes>();
        builder.Services.AddSingleton<LiveStreams>();
        return builder;
    }

    /// <summary>A reader's stream, relative to the site's base; <paramref name="version"/> is what their page shows.</summary>
    public static string Url(int id, int version) => $"disputes/{id}/live?v={version}";

    public static WebApplication MapForumLive(this WebApplication app)
    {
        app.MapGet("/disputes/{id:int}/live", async (int id, int? v, HttpContext context, LiveStreams streams) =>
            await streams.StreamAsync(context, id, KnownVersion(context.Request, v)) ?? Results.Empty);
        return app;
    }

    /// <summary>A reconnecting EventSource says what it last received; a new one, what its page was rendered at.</summary>
    private static int? KnownVersion(HttpRequest request, int? rendered) =>
        int.TryParse(request.Headers["Last-Event-ID"], out var last) ? last : rendered;
}
