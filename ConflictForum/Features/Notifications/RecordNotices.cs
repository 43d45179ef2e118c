using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Tells members of the steps on the record that concern them, in the step's own transaction: the parties (for an organisation,
/// its members: <see cref="OrganisationSideAsync"/>) and the dispute's mediator, of every step on their dispute someone
/// else took (the other side joined, wrote, replied, offered or answered, a mediator wrote or proposed, it settled, a report
/// came in, voting opened or closed); an author of a moderator's decision on their words (hidden, restored, appeal decided)
/// and of a reply to their comment. Nobody is told of their own step.
/// </summary>
internal sealed class RecordNotices(IOptions<NotificationOptions> options) : IDisputeCommitting
{
    private static readonly HashSet<TimelineKind> ToParties =
    [
        TimelineKind.RespondentJoined, TimelineKind.StatementPosted, TimelineKind.StatementEdited, TimelineKind.Reply,
        TimelineKind.StatusChanged, TimelineKind.ResolutionProposed, TimelineKind.ResolutionAnswered, TimelineKind.VerdictFrozen,
        TimelineKind.OfferMade, TimelineKind.OfferAnswered, TimelineKind.OfferExpired, TimelineKind.Settled,
        TimelineKind.SettlementReported, TimelineKind.SettlementReportAnswered, TimelineKind.MediationRequested,
        TimelineKind.MediationAnswered, TimelineKind.MediationTaken, TimelineKind.MediatorNote, TimelineKind.MediatorProposed,
        TimelineKind.MediatorProposalAnswered, TimelineKind.MediatorProposalExpired, TimelineKind.MediationEnded,
    ];

    /// <summary>What every follower hears of (after the commit, from the outbox): a statement, a resolution, how it ended.</summary>
    private static readonly HashSet<TimelineKind> ToFollowers =
    [
        TimelineKind.StatementPosted, TimelineKind.ResolutionProposed, TimelineKind.Settled, TimelineKind.VerdictFrozen,
    ];

    /// <summary>What the dispute's mediator hears of: the parties' answers to their proposals, the end, the settlement.</summary>
    private static readonly HashSet<TimelineKind> ToMediator =
    [
        TimelineKind.MediatorProposalAnswered, TimelineKind.MediatorProposalExpired, TimelineKind.MediationEnded, TimelineKind.Settled,
    ];

    public async Task<IReadOnlyCollection<string>> OnCommittingAsync(ForumDbContext db, Dispute dispute,
        IReadOnlyList<TimelineEntry> appended, CancellationToken ct)
    {
        // A hidden dispute's title is not quoted to followers and parties, in the forum or by mail.
        var title = appended.Count > 0 && await db.IsHiddenNowAsync(ContentKind.Dispute, dispute.Id, ct)
            ? DisputeQueries.HiddenTitle
            : dispute.Title;
        foreach (var entry in appended.Where(e => ToFollowers.Contains(e.Kind)))
        {
            db.FollowerNotices.Add(new FollowerNotice
            {
                DisputeId = dispute.Id, Sequence = entry.Sequence, Kind = entry.Kind, ActorId = entry.ActorId,
                DisputeTitle = title, Text = entry.Summary, At = entry.At,
            });
        }
        var authors = await AuthorsAsync(db, appended, ct);
        var side = await OrganisationSideAsync(db, dispute, appended, ct);
        var notices = appended.SelectMany(entry => RecipientsOf(dispute, entry, authors.GetValueOrDefault(entry.Sequence), side)
            .Select(r => (entry, r.Recipient, r.Topic))).ToList();
        if (notices.Count == 0) return [];
        var deliveries = new Dictionary<(string, NotificationTopic), NotificationDelivery>();
        foreach (var topic in notices.Select(n => n.Topic).Distinct())
        {
            var members = notices.Where(n => n.Topic == topic).Select(n => n.Recipient).Distinct().ToList();
            foreach (var (member, delivery) in await NotificationPreferences.DeliveriesAsync(db,
                         db.Users.Where(u => members.Contains(u.Id)), topic, ct))
                deliveries[(member, topic)] = delivery;
        }
        var told = new HashSet<string>();
        foreach (var (entry, recipient, topic) in notices)
        {
            if (deliveries.GetValueOrDefault((recipient, topic), NotificationDelivery.Off) == NotificationDelivery.Off) continue;
            var notification = new Notification
            {
                RecipientId = recipient, DisputeId = dispute.Id, Sequence = entry.Sequence, Kind = entry.Kind, Topic = topic,
                DisputeTitle = title, Text = entry.Summary, CreatedAt = entry.At,
            };
            options.Value.ScheduleMail(notification, deliveries[(recipient, topic)]);
            db.Notifications.Add(notification);
            told.Add(recipient);
        }
        return told;
    }

    /// <summary>
    /// Who hears of an entry, and as what: the parties and mediator of their dispute's steps, then the author of the words it
    /// is about (unless already told as a party); never whoever took the step.
    /// </summary>
    private static IEnumerable<(string Recipient, NotificationTopic Topic)> RecipientsOf(Dispute dispute, TimelineEntry entry,
        string? author, IReadOnlyList<string> side)
    {
        var recipients = new List<(string? Recipient, NotificationTopic Topic)>();
        if (ToParties.Contains(entry.Kind))
            recipients.AddRange([(dispute.ClaimantId, NotificationTopic.Disputes), (dispute.RespondentId, NotificationTopic.Disputes)]);
        if (entry.Kind == TimelineKind.DisputeOpened || (ToParties.Contains(entry.Kind) && dispute.RespondentId is not null))
            recipients.AddRange(side.Select(member => ((string?)member, NotificationTopic.Disputes)));
        if (ToMediator.Contains(entry.Kind)) recipients.Add((dispute.MediatorId, NotificationTopic.Disputes));
        recipients.Add((author, NotificationTopic.YourWords));
        return recipients.Where(r => r.Recipient is not null && r.Recipient != entry.ActorId).DistinctBy(r => r.Recipient)
            .Select(r => (r.Recipient!, r.Topic));
    }

    /// <summary>
    /// The members of the organisation the dispute is against who hear of its steps as a party would: all of them once one
    /// joined for it; before that, those of a verified organisation, of its opening (its disputes are delivered to them).
    /// </summary>
    private static async Task<IReadOnlyList<string>> OrganisationSideAsync(ForumDbContext db, Dispute dispute,
        IReadOnlyList<TimelineEntry> appended, CancellationToken ct)
    {
        if (dispute.RespondentOrganisationId is not { } id
            || !appended.Any(e => ToParties.Contains(e.Kind) || e.Kind == TimelineKind.DisputeOpened))
            return [];
        var delivered = dispute.RespondentId is not null
            || await db.Organisations.AnyAsync(o => o.Id == id && o.Verification != Organisations.OrganisationVerification.None, ct);
        return delivered ? await db.OrganisationMembers.Where(m => m.OrganisationId == id).Select(m => m.UserId).ToListAsync(ct) : [];
    }

    /// <summary>
    /// Whose words each entry is about, by its sequence: the author of the item a moderator's entry decides on, and the
    /// author of the comment a reply answers (two reads, whatever the number of entries).
    /// </summary>
    private static async Task<Dictionary<int, string>> AuthorsAsync(ForumDbContext db, IReadOnlyList<TimelineEntry> appended,
        CancellationToken ct)
    {
        var authors = new Dictionary<int, string>();
        var moderated = appended.Where(e => e.Kind == TimelineKind.Moderation && e.Reference is not null)
            .Select(e => (e.Sequence, Item: Item(e.Reference!))).Where(x => x.Item is not null).ToList();
        if (moderated.Count > 0)
        {
            var ids = moderated.Select(m => m.Item!.Value.Id).Distinct().ToList();
            // The item's state may be new in this very write (a first hide), so tracked rows count as well as saved ones.
            var items = db.ModeratedItems.Local.Where(m => ids.Contains(m.ItemId)).Select(m => new { m.Kind, m.ItemId, m.AuthorId })
                .Concat(await db.ModeratedItems.Where(m => ids.Contains(m.ItemId)).Select(m => new { m.Kind, m.ItemId, m.AuthorId })
                    .ToListAsync(ct)).ToList();
            foreach (var (sequence, item) in moderated)
            {
                if (items.Find(i => i.ItemId == item!.Value.Id
                    && string.Equals(i.Kind.ToString(), item.Value.Kind, StringComparison.OrdinalIgnoreCase)) is { } found)
                    authors[sequence] = found.AuthorId;
            }
        }
        var replies = appended.Where(e => e.Kind == TimelineKind.CommentPosted && e.Reference is not null)
            .Select(e => (e.Sequence, Item: Item(e.Reference!))).Where(x => x.Item is { Kind: "comment" }).ToList();
        if (replies.Count > 0)
        {
            var ids = replies.Select(r => (int)r.Item!.Value.Id).ToList();
            var parents = await db.Comments.Where(c => ids.Contains(c.Id) && c.ParentId != null)
                .Join(db.Comments, c => c.ParentId, p => p.Id, (c, p) => new { c.Id, p.AuthorId }).ToListAsync(ct);
            foreach (var (sequence, item) in replies)
            {
                if (parents.Find(p => p.Id == item!.Value.Id) is { } parent) authors[sequence] = parent.AuthorId;
            }
        }
        return authors;
    }

    /// <summary>An entry's reference ("comment:12") as its kind and id, or null when it names no item.</summary>
    private static (string Kind, long Id)? Item(string reference) =>
        reference.Split(':') is [var kind, var id] && long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? (kind, n) : null;
}
