using System.Security.Cryptography;
using System.Text;
using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Timeline;

/// <summary>Appends entries to a dispute's hash chain and checks the chain.</summary>
public sealed class TimelineWriter
{
    /// <summary>The previous hash of a dispute's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Adds the next entry, which happened at <paramref name="at"/> (UTC), to <paramref name="db"/>; the caller saves it in the same transaction as the change it
    /// records. Run inside a write transaction so the last entry read here is still the last at commit.
    /// </summary>
    public async Task<TimelineEntry> AppendAsync(ForumDbContext db, int disputeId, DateTime at, ForumActor actor, TimelineKind kind, string summary,
        string? reference = null, string? contentHash = null, string? body = null, string? bodyHtml = null, CancellationToken ct = default)
    {
        var previous = db.TimelineEntries.Local.Where(e => e.DisputeId == disputeId).MaxBy(e => e.Sequence)
            ?? await db.TimelineEntries.Where(e => e.DisputeId == disputeId).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        var entry = new TimelineEntry
        {
            DisputeId = disputeId,
            Sequence = (previous?.Sequence ?? 0) + 1,
            At = at,
            ActorId = actor.UserId,
            ActorName = actor.IsSignedIn ? actor.DisplayName : "ConflictForum",
            Kind = kind,
            Summary = summary,
            Reference = reference,
            ContentHash = contentHash,
            Body = body,
            BodyHtml = bodyHtml,
            PreviousHash = previous?.Hash ?? Genesis,
        };
        entry.Hash = HashOf(entry);
        db.TimelineEntries.Add(entry);
        return entry;
    }

    /// <summary>Recomputes the chain of a dispute from its first entry.</summary>
    public static async Task<ChainVerdict> VerifyAsync(ForumDbContext db, int disputeId, CancellationToken ct = default)
    {
        var entries = await db.TimelineEntries.AsNoTracking().Where(e => e.DisputeId == disputeId).OrderBy(e => e.Sequence).ToListAsync(ct);
        var expectedPrevious = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var problem = entry.Sequence != i + 1 ? $"entry {i + 1} is missing"
                : entry.PreviousHash != expectedPrevious ? $"entry {entry.Sequence} does not follow the entry before it"
                : entry.Hash != HashOf(entry) ? $"entry {entry.Sequence} was changed after it was written"
                : null;
            if (problem is not null) return new ChainVerdict(false, entries.Count, Math.Min(entry.Sequence, i + 1), $"The record is broken: {problem}.");
            expectedPrevious = entry.Hash;
        }
        return new ChainVerdict(true, entries.Count, null, $"The record is intact: all {entries.Count} entries match their hashes.");
    }

    /// <summary>The hash a timeline entry records for content shown elsewhere: its source and the HTML readers see.</summary>
    public static string ContentHashOf(string source, string html) => Sha256(source + "\0" + html);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Every field, length-prefixed so no two different entries can serialize alike.</summary>
    internal static string HashOf(TimelineEntry e)
    {
        var canonical = new StringBuilder();
        foreach (var field in new[]
        {
            e.DisputeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.At.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.ActorId, e.ActorName, e.Kind.ToString(), e.Summary, e.Body, e.BodyHtml, e.Reference, e.ContentHash, e.PreviousHash,
        })
        {
            canonical.Append(field is null ? "-1" : field.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }
        return Sha256(canonical.ToString());
    }
}

/// <summary>The answer of "verify record": intact, or the first entry that does not match.</summary>
public sealed record ChainVerdict(bool Intact, int EntryCount, int? FirstBrokenSequence, string Message);
