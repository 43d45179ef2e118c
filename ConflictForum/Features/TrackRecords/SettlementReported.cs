namespace ConflictForum.Features.TrackRecords;

/// <summary>
/// A settlement as its parties' reports judge it, for an organisation's record: a report of "not honoured" outweighs one of
/// "partly", which outweighs "honoured"; without any report it is <see cref="NoReport"/>, never counted as honoured.
/// </summary>
public enum SettlementReported
{
    NoReport,
    Honoured,
    PartlyHonoured,
    NotHonoured,
}
