using System.Net;
using System.Text.RegularExpressions;
using ConflictForum.Data;
using Microsoft.AspNetCore.Components;
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

    /// <summary><paramref name="text"/>, encoded, with every word that starts with one of <paramref name="words"/> marked.</summary>
    public static MarkupString Highlight(string text, IReadOnlyList<string> words) =>
        new(words.Count == 0 ? WebUtility.HtmlEncode(text) : MarkWords(text, words));

    private static string MarkWords(string text, IReadOnlyList<string> words)
    {
        var html = new System.Text.StringBuilder(text.Length + 32);
        var at = 0;
        foreach (Match word in Word().Matches(text))
        {
            if (!words.Any(w => word.Value.StartsWith(w, StringComparison.OrdinalIgnoreCase))) continue;
            html.Append(WebUtility.HtmlEncode(text[at..word.Index])).Append("<mark>")
                .Append(WebUtility.HtmlEncode(word.Value)).Append("</mark>");
            at = word.Index + word.Length;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.None, 1000)]
    private static partial Regex Word();
}
