namespace ConflictForum.Features.Timeline;

/// <summary>Where a dispute's record stood at the end of a day: its newest entry written that day, and that entry's hash.</summary>
public sealed record DigestLine(int DisputeId, int Entries, string HeadHash);
