using ConflictForum.Features.Timeline;
using ConflictForum.Features.Timeline.Components;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Components;

namespace ConflictForum.Features.Disputes.Components;

/// <summary>
/// The dispute page's timeline for readers who are not signed in, drawn once per version of the dispute and shared by
/// all of their open pages (<see cref="SharedReads{TKey, T}"/> of a <see cref="SharedMarkup"/> drawing). On a viral
/// dispute most open pages are theirs, and each would otherwise hold its own entries, hashes and render tree. Nothing
/// in their timeline is interactive: no flag buttons, no appeals, hidden replies only as notices.
/// </summary>
public sealed class PublicTimeline(IServiceScopeFactory scopes, SharedMarkup markup)
{
    private readonly SharedReads<int, Drawing> drawings = markup.KeptDrawings<Drawing>(drawing => drawing.Version);

    /// <param name="atLeastVersion">The version of the dispute the page has read, or its change event carried.</param>
    /// <returns>The timeline drawn at that version or later; null when the dispute does not exist.</returns>
    public async Task<RenderFragment?> GetAsync(int disputeId, int atLeastVersion, CancellationToken ct = default) =>
        (await drawings.GetAsync(disputeId, atLeastVersion, DrawAsync, ct))?.Markup;

    private async Task<Drawing?> DrawAsync(int disputeId)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<DisputeQueries>().PublicTimelineAsync(disputeId) is not { } timeline) return null;
        var drawn = await markup.DrawAsync<TimelineView>(new Dictionary<string, object?>
        {
            [nameof(TimelineView.Entries)] = timeline.Entries,
            [nameof(TimelineView.Hidden)] = timeline.Hidden,
            [nameof(TimelineView.LinkFor)] = (Func<TimelineEntry, string?>)(entry => DisputeLabels.StatementVersionLink(disputeId, entry)),
        });
        return new Drawing(timeline.Version, drawn);
    }

    private sealed record Drawing(int Version, RenderFragment Markup);
}
