using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Timeline;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Something another feature blanks in the timeline entries it wrote, for a reader who may not see what they name (a hidden
/// resolution's title in the frozen ranking). The entries are untracked copies: the record itself never changes.
/// </summary>
public interface ITimelineRedaction
{
    Task RedactAsync(ForumDbContext db, List<TimelineEntry> entries, HiddenItems hidden, CancellationToken ct);
}
