using ConflictForum.Features.Content;

namespace ConflictForum.Features.Timeline;

public static class TimelineKinds
{
    /// <summary>
    /// The kind of flaggable content an entry of <paramref name="kind"/> is in itself (its body written by its actor: a party's
    /// reply, a mediator's note), or null for an entry that only records something.
    /// </summary>
    public static ContentKind? ContentOf(TimelineKind kind) => kind switch
    {
        TimelineKind.Reply => ContentKind.Reply,
        TimelineKind.MediatorNote => ContentKind.MediatorNote,
        _ => null,
    };
}
