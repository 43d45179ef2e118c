namespace ConflictForum.Features.Mediations;

/// <summary>Where a request for a mediator stands. Requested, Queued and Active are open; the rest are ended for good.</summary>
public enum MediationStatus
{
    /// <summary>One party asked; waiting for the other to agree.</summary>
    Requested,
    /// <summary>The other party declined the request.</summary>
    Declined,
    /// <summary>Both parties agreed; waiting in the queue for a mediator to take it.</summary>
    Queued,
    /// <summary>A mediator took it and is helping the parties.</summary>
    Active,
    /// <summary>The mediator closed it with a public summary.</summary>
    Closed,
    /// <summary>A party ended it.</summary>
    Ended,
    /// <summary>The dispute ended (settled, closed, withdrawn) while it was open.</summary>
    Lapsed,
}
