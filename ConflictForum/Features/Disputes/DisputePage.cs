namespace ConflictForum.Features.Disputes;

public sealed record DisputePage(IReadOnlyList<DisputeRow> Rows, int Total, int Page)
{
    public int PageCount => Math.Max(1, (Total + DisputeListQuery.PageSize - 1) / DisputeListQuery.PageSize);
}
