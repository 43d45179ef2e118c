namespace ConflictForum.Features.Disputes;

public enum DisputeSort
{
    Newest,
    MostActive,
    ClosingSoon,
}
