namespace ConflictForum.Features.TrackRecords;

/// <summary>One month of an organisation's record, by the month its disputes were opened.</summary>
public sealed record TrackRecordMonth(DateTime Month, int Opened, int Answered, int Settled, int VerdictsAgainst, int VerdictsInFavour);
