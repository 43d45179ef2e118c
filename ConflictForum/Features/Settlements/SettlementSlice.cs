using ConflictForum.Features.Disputes;
using ConflictForum.Platform;

namespace ConflictForum.Features.Settlements;

/// <summary>
/// A dispute's offers (newest first) and its settlement, with what the reader may do: make an offer, answer the other
/// party's live one.
/// </summary>
public sealed record SettlementSlice(IReadOnlyList<OfferView> Offers, Settlement? Settlement, PartyRole? ViewerRole,
    Decision CanMakeOffer, int? AnswerableOfferId)
{
    public IEnumerable<OfferView> Live => Offers.Where(o => o.Status == OfferStatus.Live);
}
