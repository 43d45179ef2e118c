namespace ConflictForum.Platform;

/// <summary>A run of words, separated by single spaces, that changed the same way (<see cref="RenderedDiff"/>).</summary>
public readonly record struct WordChange(string Text, WordChangeKind Kind);
