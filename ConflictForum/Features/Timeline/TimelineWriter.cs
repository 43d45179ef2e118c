using System.Security.Cryptography;
using System.Text;
using ConflictForum.Data;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Timeline;

/// <summary>Appends entries to a dispute's hash chain and checks the chain.</summary>
public sealed class TimelineWriter(TimeProvider clock, ITimelineAnchors anchors)
{
    /// <summary>The previous hash of a dispute's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Adds the next entry, which happened at <paramref name="at"/> (UTC), to <paramref name="db"/>, and moves the anchor on the
    /// dispute's row to it; the caller saves both in the same transaction as the change it records. Run under the dispute's row
    /// lock (<c>DisputeWriter</c>, or a dispute this transaction created) so the anchor read here is still the newest at commit.
    /// </summary>
    public async Task<TimelineEntry> AppendAsync(ForumDbContext db, int disputeId, DateTime at, ForumActor actor, TimelineKind kind,
        string summary, string? reference = null, string? contentHash = null, string? body = null, string? bodyHtml = null,
        CancellationToken ct = default)
    {
        // The next entry extends the anchor, not the newest row found: entries deleted behind the app then show as missing
        // (a gap before the new entry) instead of being papered over by it.
        var dispute = await anchors.FindAsync(db, disputeId, ct)
            ?? throw new InvalidOperationException($"Dispute {disputeId} does not exist: its timeline cannot be extended.");
        var entry = new TimelineEntry
        {
            DisputeId = disputeId,
            Sequence = dispute.TimelineLength + 1,
            At = at,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            ActorName = actor.IsSignedIn ? actor.DisplayName : "ConflictForum",
            Kind = kind,
            Summary = summary,
            Reference = reference,
            ContentHash = contentHash,
            Body = body,
            BodyHtml = bodyHtml,
            PreviousHash = dispute.TimelineHead ?? Genesis,
        };
        entry.Hash = HashOf(entry);
        db.TimelineEntries.Add(entry);
        (dispute.TimelineLength, dispute.TimelineHead) = (entry.Sequence, entry.Hash);
        return entry;
    }

    /// <summary>
    /// Recomputes the chain of a dispute from its first entry and holds its end to the anchor on the dispute's row: an entry
    /// changed, missing, added or cut off the end is named.
    /// </summary>
    public async Task<ChainVerdict> VerifyAsync(ForumDbContext db, int disputeId, CancellationToken ct = default)
    {
        // The entries are read between two reads of the anchor, until both agree: every append moves the anchor in its own
        // transaction, so entries read while it held still are the ones it counts (a write landing in between is no tampering).
        var anchor = await anchors.ReadAsync(db, disputeId, ct);
        List<TimelineEntry> entries;
        for (var attempt = 1; ; attempt++)
        {
            entries = await db.TimelineEntries.AsNoTracking().Where(e => e.DisputeId == disputeId).OrderBy(e => e.Sequence).ToListAsync(ct);
            var after = await anchors.ReadAsync(db, disputeId, ct);
            if (Equals(after, anchor) || attempt == 5) break;
            anchor = after;
        }
        ChainVerdict Broken(int sequence, string problem) => new(false, entries.Count, sequence, $"The record is broken: {problem}.");

        var expectedPrevious = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var problem = entry.Sequence != i + 1 ? $"entry {i + 1} is missing"
                : entry.PreviousHash != expectedPrevious ? $"entry {entry.Sequence} does not follow the entry before it"
                : entry.Hash != HashOf(entry) ? $"entry {entry.Sequence} was changed after it was written"
                : null;
            if (problem is not null) return Broken(Math.Min(entry.Sequence, i + 1), problem);
            expectedPrevious = entry.Hash;
        }

        if (anchor is null)
            return entries.Count == 0 ? new ChainVerdict(false, 0, null, "This dispute does not exist.")
                : Broken(1, $"the dispute these {entries.Count} entries belong to was deleted");
        var (length, head) = anchor.Value;
        if (entries.Count < length)
            return Broken(entries.Count + 1, entries.Count == 0
                ? $"entry 1 is missing: the dispute records {length} entries and none remain"
                : $"entry {entries.Count + 1} is missing: the record ends at entry {entries.Count} "
                    + $"but the dispute records {length} entries");
        if (entries.Count > length)
            return Broken(length + 1, $"entry {length + 1} was added behind the forum's back: the dispute records {length} entries");
        if (expectedPrevious != (head ?? Genesis))
            return Broken(entries.Count, $"entry {entries.Count} does not match the hash the dispute keeps of its newest entry: "
                + "the record was rewritten and hashed again");
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
            canonical.Append(field is null ? "-1" : field.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(':').Append(field).Append('|');
        }
        return Sha256(canonical.ToString());
    }
}
