using System.Collections.Concurrent;

namespace ConflictForum.Platform;

/// <summary>
/// The part of a repeated item that only shows (a comment's author, time and link; a timeline entry's line), written once as
/// HTML for every open page that shows it alike and rendered there as one frame (<c>Markdown.Written</c>). A member's page
/// is a circuit that keeps every frame it rendered, twice over; a comment drawn element by element took twenty of them, in
/// every open page, and each change made every page diff them again.
/// </summary>
/// <remarks>
/// An item's HTML is kept under its kind, its id and the zone its times are written in, with what it was written from:
/// a page whose item reads otherwise (an edit, a renamed author) writes it afresh, and that copy serves from then on. The
/// HTML is held weakly: one no page shows any more is collected, and its entry swept out as items go by.
/// </remarks>
public sealed class WrittenMarkup
{
    private const int SweepEvery = 4_096;
    private readonly ConcurrentDictionary<(string Kind, long Id, string Zone), Entry> written = new();
    private int sinceSweep;

    /// <summary>Items with HTML kept (for tests).</summary>
    internal int Count => written.Count;

    /// <param name="kind">What the item is (a comment's head, a timeline entry's line).</param>
    /// <param name="zone">The zone the HTML writes its times in; null when the browser writes them (no circuit).</param>
    /// <param name="from">Everything the HTML is written from: a record struct, compared by value.</param>
    /// <param name="write">Writes the HTML from <paramref name="from"/> (and <paramref name="zone"/>).</param>
    public string Of<TFrom>(string kind, long id, TimeZoneInfo? zone, TFrom from, Action<HtmlWriter, TFrom, TimeZoneInfo?> write)
        where TFrom : struct, IEquatable<TFrom>
    {
        var key = (kind, id, zone?.Id ?? "");
        if (written.TryGetValue(key, out var kept) && kept.From is TFrom same && same.Equals(from)
            && kept.Html.TryGetTarget(out var html))
            return html;
        var writer = new HtmlWriter();
        write(writer, from, zone);
        html = writer.ToString();
        written[key] = new Entry(from, new WeakReference<string>(html));
        if (Interlocked.Increment(ref sinceSweep) % SweepEvery == 0) Sweep();
        return html;
    }

    private void Sweep()
    {
        foreach (var pair in written)
        {
            if (!pair.Value.Html.TryGetTarget(out _)) written.TryRemove(pair);
        }
    }

    private sealed record Entry(object From, WeakReference<string> Html);
}
