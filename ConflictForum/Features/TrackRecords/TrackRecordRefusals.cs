namespace ConflictForum.Features.TrackRecords;

/// <summary>What the track-record rules say when they refuse.</summary>
public static class TrackRecordRefusals
{
    public const string OnlyItsMembers = "Only the organisation's owners and agents can read its crisis-process report.";
}
