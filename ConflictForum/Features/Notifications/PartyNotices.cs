using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// Tells the parties (and the dispute's mediator) of every step on their dispute someone else took, in the step's own
/// transaction: the other side joined, wrote, replied, offered or answered, a mediator wrote or proposed, it settled, a
/// report came in, voting opened or closed. Nobody is told of their own step.
/// </summary>
internal sealed class PartyNotices : IDisputeCommitting
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

    public Task<IReadOnlyCollection<string>> OnCommittingAsync(ForumDbContext db, Dispute dispute, IReadOnlyList<TimelineEntry> appended,
        CancellationToken ct)
    {
        var told = new HashSet<string>();
        foreach (var entry in appended)
        {
            foreach (var recipient in RecipientsOf(dispute, entry))
            {
                db.Notifications.Add(new Notification
                {
                    RecipientId = recipient, DisputeId = dispute.Id, Sequence = entry.Sequence, Kind = entry.Kind,
                    DisputeTitle = dispute.Title, Text = entry.Summary, CreatedAt = entry.At,
                });
                told.Add(recipient);
            }
        }
        return Task.FromResult<IReadOnlyCollection<string>>(told);
    }

    private static IEnumerable<string> RecipientsOf(Dispute dispute, TimelineEntry entry)
    {
        var recipients = new List<string?>();
        if (ToParties.Contains(entry.Kind)) recipients.AddRange([dispute.ClaimantId, dispute.RespondentId]);
        if (ToMediator.Contains(entry.Kind)) recipients.Add(dispute.MediatorId);
        return recipients.OfType<string>().Where(r => r != entry.ActorId).Distinct();
    }
}
