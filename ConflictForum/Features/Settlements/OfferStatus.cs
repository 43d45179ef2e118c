namespace ConflictForum.Features.Settlements;

public enum OfferStatus
{
    /// <summary>Open for the other party to accept, decline or counter until it expires.</summary>
    Live,
    /// <summary>The other party accepted it: the dispute settled on its terms.</summary>
    Accepted,
    Declined,
    /// <summary>The other party answered it with an offer of their own.</summary>
    Countered,
    /// <summary>Its maker made a new offer in its place.</summary>
    Replaced,
    /// <summary>Nobody accepted it before its expiry.</summary>
    Expired,
    /// <summary>The dispute settled on other terms, or ended, while it was live.</summary>
    Closed,
}
