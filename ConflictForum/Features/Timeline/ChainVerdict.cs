namespace ConflictForum.Features.Timeline;

/// <summary>The answer of "verify record": intact, or the first entry that does not match.</summary>
public sealed record ChainVerdict(bool Intact, int EntryCount, int? FirstBrokenSequence, string Message);
