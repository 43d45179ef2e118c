namespace ConflictForum.Platform;

/// <param name="Version">
/// The dispute's version the change committed (0 when unknown): a reader may serve any copy at least this new.
/// </param>
/// <param name="Voters">
/// The members whose own fault vote the change moved, when the change is fault votes that say whose; null when unknown. An
/// open page whose reader is not among them keeps the vote it shows as its reader's, instead of reading it again.
/// </param>
public sealed record DisputeChanged(int DisputeId, DisputeChanges Changes, int Version = 0, IReadOnlyList<string>? Voters = null);
