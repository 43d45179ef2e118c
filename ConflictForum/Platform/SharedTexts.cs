using System.Collections.Concurrent;

namespace ConflictForum.Platform;

/// <summary>
/// One copy of a long text that many open pages read alike (a statement's HTML, on every member's page of its dispute): a
/// page that reads an item whose text equals the one another page holds keeps that one, and its own read is garbage at once.
/// Only equal text is shared, so whatever a query decides per reader (a hidden item blanked) is decided after, as before.
/// Texts are held weakly: one that no page holds any more is collected, and its entry swept out as texts go by.
/// </summary>
public sealed class SharedTexts
{
    private const int SweepEvery = 4_096;
    private readonly ConcurrentDictionary<(string Kind, long Id), WeakReference<string>> texts = new();
    private int sharedSinceSweep;

    /// <summary>Texts kept (for tests).</summary>
    internal int Count => texts.Count;

    /// <returns>
    /// The copy already held for the item when it equals <paramref name="text"/>; else <paramref name="text"/>, now held.
    /// </returns>
    public string Share(string kind, long id, string text)
    {
        if (text.Length == 0) return text;
        var key = (kind, id);
        if (texts.TryGetValue(key, out var held) && held.TryGetTarget(out var shared)
            && string.Equals(shared, text, StringComparison.Ordinal))
            return shared;
        texts[key] = new WeakReference<string>(text);
        if (Interlocked.Increment(ref sharedSinceSweep) % SweepEvery == 0) Sweep();
        return text;
    }

    private void Sweep()
    {
        foreach (var pair in texts)
        {
            if (!pair.Value.TryGetTarget(out _)) texts.TryRemove(pair);
        }
    }
}
