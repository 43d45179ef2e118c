using ConflictForum.Platform;

namespace ConflictForum.Features.Disputes;

/// <summary>What changed in a dispute since a circuit's panels last reloaded.</summary>
/// <param name="Changes">Every slice that changed, merged.</param>
/// <param name="Version">The newest version among the merged changes (0 when unknown): a shared read at least this new may serve.</param>
public sealed record DisputeUpdate(DisputeChanges Changes, int Version);
