using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Tells the parties (and the dispute's mediator) of every step on their dispute someone else took, in the step's own
/// transaction: the other side joined, wrote, replied, offered or answered, a mediator wrote or proposed, it settled, a
/// report came in, voting opened or closed. Nobody is told of their own step.
/// </summary>
internal sealed class PartyNotices(IOptions<NotificationOptions> options) : IDisputeCommitting
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

    /// <summary>What the dispute's mediator hears of: the parties' answers to their proposals, the end, the settlement.</summary>
    private static readonly HashSet<TimelineKind> ToMediator =
    [
        TimelineKind.MediatorProposalAnswered, TimelineKind.MediatorProposalExpired, TimelineKind.MediationEnded, TimelineKind.Settled,
    ];

    public async Task<IReadOnlyCollection<string>> OnCommittingAsync(ForumDbContext db, Dispute dispute,
        IReadOnlyList<TimelineEntry> appended, CancellationToken ct)
    {
        var notices = appended.SelectMany(entry => RecipientsOf(dispute, entry).Select(recipient => (entry, recipient))).ToList();
        if (notices.Count == 0) return [];
        var told = notices.Select(n => n.recipient).ToHashSet();
        var mailed = await MailedAsync(db, told, ct);
        foreach (var (entry, recipient) in notices)
        {
            db.Notifications.Add(new Notification
            {
                RecipientId = recipient, DisputeId = dispute.Id, Sequence = entry.Sequence, Kind = entry.Kind,
                DisputeTitle = dispute.Title, Text = entry.Summary, CreatedAt = entry.At,
                MailDueAt = mailed.Contains(recipient) ? entry.At + options.Value.MailDelay : null,
            });
        }
        return told;
    }

    /// <summary>Of <paramref name="members"/>, those who get these by mail: a confirmed address, and not unsubscribed.</summary>
    private static async Task<HashSet<string>> MailedAsync(ForumDbContext db, HashSet<string> members, CancellationToken ct) =>
        (await db.Users.Where(u => members.Contains(u.Id) && u.EmailConfirmed && u.Email != null
                && !db.MailOptOuts.Any(o => o.UserId == u.Id && o.Topic == MailOptOut.Disputes))
            .Select(u => u.Id).ToListAsync(ct)).ToHashSet();

    private static IEnumerable<string> RecipientsOf(Dispute dispute, TimelineEntry entry)
    {
        var recipients = new List<string?>();
        if (ToParties.Contains(entry.Kind)) recipients.AddRange([dispute.ClaimantId, dispute.RespondentId]);
        if (ToMediator.Contains(entry.Kind)) recipients.Add(dispute.MediatorId);
        return recipients.OfType<string>().Where(r => r != entry.ActorId).Distinct();
    }
}
