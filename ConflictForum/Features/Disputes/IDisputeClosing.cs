using ConflictForum.Data;

namespace ConflictForum.Features.Disputes;

/// <summary>Something other features add to the record when voting closes (the frozen verdict), in the same transaction.</summary>
public interface IDisputeClosing
{
    Task OnClosingAsync(ForumDbContext db, Dispute dispute, DateTime at, CancellationToken ct);
}
