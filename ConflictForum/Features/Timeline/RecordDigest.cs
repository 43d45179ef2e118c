using System.Globalization;

namespace ConflictForum.Features.Timeline;

/// <summary>
/// One day's digest of every record: anyone who keeps a copy can later tell whether a dispute's entries, or a whole dispute
/// with its anchor row, went missing or were rewritten, since the digest recomputed from the rows then differs.
/// <see cref="Hash"/> is the SHA-256 of <see cref="Text"/>.
/// </summary>
public sealed record RecordDigest(string Day, IReadOnlyList<DigestLine> Disputes, string Hash)
{
    /// <summary>One line per dispute, "id entries head-hash", in dispute order, each ending in a line feed.</summary>
    public static string Text(IEnumerable<DigestLine> lines) =>
        string.Concat(lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.DisputeId} {l.Entries} {l.HeadHash}\n")));
}
