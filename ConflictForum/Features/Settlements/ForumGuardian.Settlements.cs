using ConflictForum.Features.Disputes;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    /// <summary>A party, while the dispute runs with both parties in it and before it settles.</summary>
    public Decision CanMakeOffer(ForumActor actor, Dispute dispute) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is null ? Decision.Denied(SettlementRefusals.OnlyParties)
        : OffersClosed(dispute) ?? Decision.Granted;

    /// <summary>The other party (never the maker), while the offer is live and the dispute runs.</summary>
    public Decision CanAnswerOffer(ForumActor actor, Dispute dispute, Offer offer) =>
        CannotWrite(actor) is { } no ? no
        : dispute.RoleOf(actor) is not { } role ? Decision.Denied(SettlementRefusals.OnlyParties)
        : role == offer.Role ? Decision.Denied(SettlementRefusals.OwnOffer)
        : OffersClosed(dispute) is { } closed ? closed
        : !offer.IsLive(Now) ? Decision.Denied(SettlementRefusals.NoLongerLive)
        : Decision.Granted;

    private static Decision? OffersClosed(Dispute dispute) => dispute.Status switch
    {
        DisputeStatus.Settled or DisputeStatus.SettlementDisputed => Decision.Denied(SettlementRefusals.Settled),
        DisputeStatus.Withdrawn or DisputeStatus.Closed => Decision.Denied(SettlementRefusals.NotRunning),
        _ when dispute.RespondentId is null => Decision.Denied(SettlementRefusals.NotYet),
        _ => null,
    };
}
