using ConflictForum.Data;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// Whether settlements were honoured, which needs the parties' reports (Settlements registers it): read for a page of rows at
/// once, so a dispute's banner and a list's chips say more than "Settled".
/// </summary>
public interface ISettlementFollowUps
{
    /// <summary>
    /// The follow-up of each settled dispute among <paramref name="disputeIds"/> as of <paramref name="now"/>, in one query;
    /// disputes without a settlement are left out.
    /// </summary>
    Task<IReadOnlyDictionary<int, SettlementFollowUpState>> StatesAsync(ForumDbContext db, IReadOnlyCollection<int> disputeIds,
        DateTime now, CancellationToken ct);
}
