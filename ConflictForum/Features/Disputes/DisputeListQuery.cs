namespace ConflictForum.Features.Disputes;

public sealed record DisputeListQuery(string? Search = null, DisputeStatus? Status = null, DisputeCategory? Category = null,
    DisputeSort Sort = DisputeSort.Newest, int Page = 1, DisputeOutcome? Outcome = null, string? Organisation = null)
{
    public const int PageSize = 20;
}
