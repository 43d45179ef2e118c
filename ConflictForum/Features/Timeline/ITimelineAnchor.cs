namespace ConflictForum.Features.Timeline;

/// <summary>
/// The end of a dispute's chain, kept on the dispute's row: how many entries it has and the hash of the newest. Every append
/// moves it in the same transaction, so entries deleted or cut off behind the app show as missing.
/// </summary>
public interface ITimelineAnchor
{
    int TimelineLength { get; set; }

    string? TimelineHead { get; set; }
}
