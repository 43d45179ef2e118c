using System.Text.RegularExpressions;
using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Full-text search over <see cref="DisputeSearchText"/>: every word, in any order, each also as the start of a longer one
/// ("refund" finds "refunded"), ranked; through FTS5 on SQLite and CONTAINSTABLE on SQL Server.
/// </summary>
public static partial class DisputeSearch
{
    public const int MaxWords = 8;

    /// <summary>The words of what a reader typed, lower-cased, without repeats; punctuation and operators are not words.</summary>
    public static IReadOnlyList<string> WordsOf(string? text) =>
        text is null ? [] : [.. Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(MaxWords)];

    /// <summary>The disputes holding every one of <paramref name="words"/>, as a query to join on (none for no words).</summary>
    public static IQueryable<DisputeSearchHit> Matches(ForumDbContext db, IReadOnlyList<string> words)
    {
        // Each word is quoted (so it is only ever a word, never an operator) and a prefix; quotes cannot occur in a word.
        if (db.Database.IsSqlServer())
        {
            var condition = string.Join(" AND ", words.Select(w => $"\"{w}*\""));
            return db.Database.SqlQuery<DisputeSearchHit>(
                $"SELECT [KEY] AS DisputeId, CAST(-[RANK] AS float) AS Rank FROM CONTAINSTABLE(DisputeSearchTexts, Text, {condition})");
        }
        var match = string.Join(' ', words.Select(w => $"\"{w}\"*"));
        return db.Database.SqlQuery<DisputeSearchHit>(
            $"SELECT rowid AS DisputeId, bm25(DisputeSearch) AS Rank FROM DisputeSearch WHERE DisputeSearch MATCH {match}");
    }

    /// <summary>
    /// <paramref name="text"/> in pieces, each marked when it is a word starting with one of <paramref name="words"/>: the page
    /// renders them as text (never as markup), the marked ones in &lt;mark&gt;.
    /// </summary>
    public static IEnumerable<(string Text, bool Marked)> Pieces(string text, IReadOnlyList<string> words)
    {
        var at = 0;
        foreach (Match word in Word().Matches(words.Count == 0 ? "" : text))
        {
            if (!words.Any(w => word.Value.StartsWith(w, StringComparison.OrdinalIgnoreCase))) continue;
            if (word.Index > at) yield return (text[at..word.Index], false);
            yield return (word.Value, true);
            at = word.Index + word.Length;
        }
        if (at < text.Length) yield return (text[at..], false);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.None, 1000)]
    private static partial Regex Word();
}
