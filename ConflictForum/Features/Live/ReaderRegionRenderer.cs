using ConflictForum.Features.Live.Components;
using ConflictForum.Platform;

namespace ConflictForum.Features.Live;

/// <summary>Renders regions of a dispute's page as every reader who is not signed in sees them, to HTML, once for all of them.</summary>
public sealed class ReaderRegionRenderer(IServiceScopeFactory scopes, SharedMarkup markup)
{
    /// <param name="names">The regions to render (<see cref="LiveRegions"/>).</param>
    /// <returns>
    /// The version the dispute was read at and each rendered region's HTML, in the order asked; null when the dispute does not exist.
    /// </returns>
    public async Task<(int Version, string[] Html)?> RenderAsync(int disputeId, IReadOnlyList<string> names, CancellationToken ct = default)
    {
        ReaderDispute? reader;
        await using (var scope = scopes.CreateAsyncScope())
            reader = await scope.ServiceProvider.GetRequiredService<ReaderDisputes>().LoadAsync(disputeId, names, ct: ct);
        if (reader is null) return null;
        var html = await markup.RenderAsync<ReaderRegion>([.. names.Select(name =>
            (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [nameof(ReaderRegion.Name)] = name,
                [nameof(ReaderRegion.Reader)] = reader,
            })]);
        return (reader.Version, html);
    }
}
