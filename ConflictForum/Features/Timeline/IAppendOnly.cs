namespace ConflictForum.Features.Timeline;

/// <summary>A row that is only ever inserted: the timeline, the moderation log.</summary>
public interface IAppendOnly;
