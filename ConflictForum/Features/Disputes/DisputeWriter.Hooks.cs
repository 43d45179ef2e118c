using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;

namespace ConflictForum.Features.Disputes;

/// <summary>What a write tells others: the hooks that add rows to its transaction, then the open pages and inboxes after it.</summary>
public sealed partial class DisputeWriter
{
    internal void Publish(int disputeId, DisputeChanges changes, int version, IReadOnlyList<string>? voters = null)
    {
        if (changes != DisputeChanges.None) events.Publish(new DisputeChanged(disputeId, changes, version, voters));
    }

    /// <summary>Lets <see cref="IDisputeCommitting"/> add its rows for the entries <paramref name="write"/> appended.</summary>
    /// <returns>The members to tell once it commits.</returns>
    internal async Task<IReadOnlyCollection<string>> OnCommittingAsync(DisputeWrite write)
    {
        // Most group-committed votes append nothing: the anchor says so without looking through what the write tracks.
        if (write.Dispute.TimelineLength == write.Recorded) return [];
        var appended = write.Db.TimelineEntries.Local
            .Where(e => e.DisputeId == write.Dispute.Id && e.Sequence > write.Recorded).OrderBy(e => e.Sequence).ToList();
        return await OnCommittingAsync(write.Db, write.Dispute, appended, write.Cancellation);
    }

    /// <summary>
    /// The same for a new dispute, which is not a <see cref="DisputeWrite"/>: announced by its opening entry alone (its first
    /// statement and invitation link are part of the opening), which an organisation's members hear of.
    /// </summary>
    internal Task<IReadOnlyCollection<string>> OnOpeningAsync(ForumDbContext db, Dispute dispute, CancellationToken ct) =>
        OnCommittingAsync(db, dispute,
            [.. db.TimelineEntries.Local.Where(e => e.DisputeId == dispute.Id && e.Kind == TimelineKind.DisputeOpened)], ct);

    private async Task<IReadOnlyCollection<string>> OnCommittingAsync(ForumDbContext db, Dispute dispute,
        List<TimelineEntry> appended, CancellationToken ct)
    {
        if (appended.Count == 0) return [];
        var told = new HashSet<string>();
        foreach (var hook in committing) told.UnionWith(await hook.OnCommittingAsync(db, dispute, appended, ct));
        return told;
    }

    internal void Notify(IReadOnlyCollection<string> members)
    {
        foreach (var member in members) events.Publish(new InboxChanged(member));
    }
}
