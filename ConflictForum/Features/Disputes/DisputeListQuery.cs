using ConflictForum.Features.Content;
using ConflictForum.Data;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Disputes;

public sealed record DisputeListQuery(string? Search = null, DisputeStatus? Status = null, DisputeCategory? Category = null,
    DisputeSort Sort = DisputeSort.Newest, int Page = 1)
{
    public const int PageSize = 20;
}
