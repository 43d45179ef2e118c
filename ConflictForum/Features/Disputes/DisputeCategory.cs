namespace ConflictForum.Features.Disputes;

public enum DisputeCategory
{
    Purchase,
    Service,
    Neighbours,
    Workplace,
    Other,
}
