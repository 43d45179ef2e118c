namespace ConflictForum.Platform;

/// <summary>Whether words of a text stayed, were added or were removed between two versions (<see cref="RenderedDiff"/>).</summary>
public enum WordChangeKind
{
    Same,
    Added,
    Removed,
}
