namespace ConflictForum.Features.Settlements;

/// <summary>What a party says of the settlement once it was due: kept, kept in part, or not kept.</summary>
public enum ReportVerdict
{
    Honoured,
    PartlyHonoured,
    NotHonoured,
}
