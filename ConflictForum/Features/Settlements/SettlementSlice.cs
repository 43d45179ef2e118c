using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// A dispute's offers (newest first) and its settlement with its follow-up reports, with what the reader may do: make an
/// offer, answer the other party's live one, report on the settlement, answer the other party's report.
/// </summary>
public sealed record SettlementSlice(IReadOnlyList<OfferView> Offers, Settlement? Settlement, PartyRole? ViewerRole,
    Decision CanMakeOffer, int? AnswerableOfferId, SettlementFollowUp? FollowUp = null, bool CanReport = false,
    int? AnswerableReportId = null)
{
    public IEnumerable<OfferView> Live => Offers.Where(o => o.Status == OfferStatus.Live);
}
