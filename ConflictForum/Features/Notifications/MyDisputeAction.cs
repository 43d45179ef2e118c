using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Notifications;

/// <summary>One thing a dispute needs from the member now, with its deadline and the place on the dispute's page to do it.</summary>
/// <param name="What">What to do, as the page says it ("Answer the claimant's offer").</param>
/// <param name="Deadline">Until when it can be done; null when only the dispute's own end stops it.</param>
/// <param name="DeadlineLabel">What happens at <paramref name="Deadline"/> ("The offer expires").</param>
/// <param name="Link">The part of the dispute's page where it is done.</param>
public sealed record MyDisputeAction(MyActionKind Kind, DisputeRow Row, string What, DateTime? Deadline, string DeadlineLabel,
    string Link);
