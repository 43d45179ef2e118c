namespace ConflictForum.Features.Disputes;

/// <summary>A dispute the full-text index matched, and how well: the lower <see cref="Rank"/>, the better.</summary>
public sealed record DisputeSearchHit(int DisputeId, double Rank);
