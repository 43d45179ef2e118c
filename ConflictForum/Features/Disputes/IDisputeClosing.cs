using ConflictForum.Data;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

/// <summary>Something other features add to the record when voting closes (the frozen verdict), in the same transaction.</summary>
public interface IDisputeClosing
{
    Task OnClosingAsync(ForumDbContext db, Dispute dispute, DateTime at, CancellationToken ct);
}
