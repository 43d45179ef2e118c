namespace ConflictForum.Platform;

/// <param name="Version">
/// The dispute's version the change committed (0 when unknown): a reader may serve any copy at least this new.
/// </param>
public sealed record DisputeChanged(int DisputeId, DisputeChanges Changes, int Version = 0);
