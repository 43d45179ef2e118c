using ConflictForum.Features.Disputes;

namespace ConflictForum.Features.Notifications;

/// <summary>
/// A member's disputes (as a party or their mediator): what needs them now, soonest deadline first, then the others, running and
/// ended, newest activity first.
/// </summary>
public sealed record MyDisputes(IReadOnlyList<MyDisputeAction> Actions, IReadOnlyList<DisputeRow> Running,
    IReadOnlyList<DisputeRow> Ended)
{
    public static readonly MyDisputes None = new([], [], []);
}
