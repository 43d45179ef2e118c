using ConflictForum.Platform;
using Microsoft.AspNetCore.Components;

namespace ConflictForum.Features.Deliberation.Components;

/// <summary>
/// The first page of a dispute's discussion for readers who are not signed in, drawn once per version of the dispute and
/// shared by all of their open pages (<see cref="SharedReads{TKey, T}"/> of a <see cref="SharedMarkup"/> drawing): after a
/// comment, one read and one drawing serve thousands of pages, and none holds its own copy of the threads or their render
/// tree. Nothing in those threads is interactive for such a reader: no edit, delete, reply or flag buttons.
/// </summary>
public sealed class PublicComments(IServiceScopeFactory scopes, SharedMarkup markup)
{
    private readonly SharedReads<int, Drawing> drawings = markup.KeptDrawings<Drawing>(drawing => drawing.Version);

    /// <param name="atLeastVersion">The version of the dispute the page has read, or its change event carried.</param>
    /// <returns>The first page drawn at that version or later.</returns>
    /// <exception cref="InvalidOperationException">The dispute does not exist.</exception>
    public async Task<Drawing> GetAsync(int disputeId, int atLeastVersion, CancellationToken ct = default) =>
        (await drawings.GetAsync(disputeId, atLeastVersion, DrawAsync, ct))!;

    private async Task<Drawing?> DrawAsync(int disputeId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<DeliberationQueries>().CommentsAsync(disputeId, ForumActor.Anonymous);
        var threads = await markup.DrawAsync<CommentsPanel>(new Dictionary<string, object?>
        {
            [nameof(CommentsPanel.DisputeId)] = disputeId,
            [nameof(CommentsPanel.Threads)] = page.Threads,
            [nameof(CommentsPanel.ThreadsOnly)] = true,
        });
        return new Drawing(page.Version, threads, page.Count, page.NextAfter is not null);
    }

    /// <param name="Version">The dispute's version the threads were read at (or later).</param>
    /// <param name="Threads">The first page of threads, drawn.</param>
    /// <param name="Count">Comments on the dispute, not counting deleted ones.</param>
    /// <param name="HasMore">Whether there are threads past the first page.</param>
    public sealed record Drawing(int Version, RenderFragment Threads, int Count, bool HasMore);
}
