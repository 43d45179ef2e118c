using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DiffPlex;
using DiffPlex.Chunkers;

namespace ConflictForum.Platform;

/// <summary>
/// What changed between two versions of a text as a reader reads it: the words of the rendered, sanitized HTML (what
/// <see cref="MarkdownRenderer"/> stored), per block (paragraph, list item, heading, cell), not the Markdown source, so
/// a change of syntax that reads the same ("*a*" to "_a_") is no change. The words are compared as a sequence (Myers'
/// shortest edit script, DiffPlex), a statement's size bounding the work.
/// </summary>
public static class RenderedDiff
{
    /// <summary>Between blocks; whitespace, so never part of a word.</summary>
    private const string BlockBreak = "\u2029";

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "hr",
        "div", "section", "dl", "dt", "dd", "br",
    };

    /// <summary>
    /// The blocks of <paramref name="newHtml"/>, with the words <paramref name="oldHtml"/> had in their place marked removed;
    /// each block a list of runs. Empty when both texts are empty.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<WordChange>> Of(string? oldHtml, string? newHtml)
    {
        var diff = Differ.Instance.CreateDiffs(string.Join('\n', Words(oldHtml)), string.Join('\n', Words(newHtml)),
            ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var (before, after) = (diff.PiecesOld, diff.PiecesNew);
        var result = new Runs();
        var b = 0;
        foreach (var change in diff.DiffBlocks)
        {
            for (; b < change.InsertStartB; b++) result.Add(after[b], WordChangeKind.Same);
            for (var i = change.DeleteStartA; i < change.DeleteStartA + change.DeleteCountA; i++)
                result.Add(before[i], WordChangeKind.Removed);
            for (; b < change.InsertStartB + change.InsertCountB; b++) result.Add(after[b], WordChangeKind.Added);
        }
        for (; b < after.Count; b++) result.Add(after[b], WordChangeKind.Same);
        return result.Done();
    }

    /// <summary>Whether nothing a reader reads changed.</summary>
    public static bool Unchanged(IReadOnlyList<IReadOnlyList<WordChange>> blocks) =>
        blocks.All(block => block.All(run => run.Kind == WordChangeKind.Same));

    /// <summary>
    /// The words of the HTML's text in reading order, a <see cref="BlockBreak"/> between blocks; text is joined across
    /// inline elements first ("a [link](…)." reads "link.", one word).
    /// </summary>
    private static List<string> Words(string? html)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(html)) return words;
        var text = new StringBuilder();
        Walk(new HtmlParser().ParseDocument($"<body>{html}</body>").Body!, words, text);
        Break(words, text);
        return words;
    }

    private static void Walk(INode node, List<string> words, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText part) text.Append(part.Data);
            if (child is not IElement element) continue;
            var block = Blocks.Contains(element.LocalName);
            if (block) Break(words, text);
            Walk(element, words, text);
            if (block) Break(words, text);
        }
    }

    private static void Break(List<string> words, StringBuilder text)
    {
        words.AddRange(text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text.Clear();
        if (words.Count > 0 && words[^1] != BlockBreak) words.Add(BlockBreak);
    }

    /// <summary>Words gathered into runs of one kind, and runs into blocks.</summary>
    private sealed class Runs
    {
        private readonly List<IReadOnlyList<WordChange>> blocks = [];
        private List<WordChange> block = [];

        public void Add(string word, WordChangeKind kind)
        {
            if (word.Length == 0) return;
            if (word == BlockBreak)
            {
                EndBlock();
                return;
            }
            if (block.Count > 0 && block[^1].Kind == kind) block[^1] = block[^1] with { Text = $"{block[^1].Text} {word}" };
            else block.Add(new WordChange(word, kind));
        }

        public List<IReadOnlyList<WordChange>> Done()
        {
            EndBlock();
            return blocks;
        }

        private void EndBlock()
        {
            if (block.Count == 0) return;
            blocks.Add(block);
            block = [];
        }
    }
}
