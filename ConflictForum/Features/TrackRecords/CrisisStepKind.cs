namespace ConflictForum.Features.TrackRecords;

/// <summary>The organisation's steps on a dispute, in the order a crisis process takes them.</summary>
public enum CrisisStepKind
{
    /// <summary>The claimant opened the dispute against it (where its clock starts).</summary>
    Opened,

    /// <summary>One of its members joined for it.</summary>
    Joined,

    /// <summary>Its side posted its first statement.</summary>
    Answered,

    /// <summary>Its side made its first offer.</summary>
    Offered,

    /// <summary>The dispute settled (by whichever party's acceptance).</summary>
    Settled,

    /// <summary>Its side reported whether the settlement was honoured.</summary>
    Reported,
}
