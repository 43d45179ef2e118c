namespace ConflictForum.Platform;

/// <summary>The HTML of a text, or why it cannot be shown (then <see cref="Html"/> is empty).</summary>
public sealed record MarkdownResult(string Html, string? Problem);
