using ConflictForum.Platform;

namespace ConflictForum.Features.Disputes;

/// <summary>What changed in a dispute since a circuit's panels last reloaded.</summary>
/// <param name="Changes">Every slice that changed, merged.</param>
/// <param name="Version">The newest version among the merged changes (0 when unknown): a shared read at least this new may serve.</param>
/// <param name="Voters">
/// Whose own fault vote the merged changes moved, when each change that moved the tally said whose; null when unknown.
/// </param>
public sealed record DisputeUpdate(DisputeChanges Changes, int Version, IReadOnlyList<string>? Voters = null)
{
    /// <summary>Whether <paramref name="userId"/>'s own fault vote may have moved: when nobody knows whose did, it may.</summary>
    public bool MayHaveMovedVoteOf(string? userId) =>
        Changes.HasFlag(DisputeChanges.Tally) && (Voters is null || userId is null || Voters.Contains(userId));
}
