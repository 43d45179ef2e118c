using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ConflictForum.Platform;

/// <summary>The HTML of a text, or why it cannot be shown (then <see cref="Html"/> is empty).</summary>
public sealed record MarkdownResult(string Html, string? Problem);
