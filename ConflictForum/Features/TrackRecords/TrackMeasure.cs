namespace ConflictForum.Features.TrackRecords;

/// <summary>What a <see cref="TrackRecordCount"/> counts, and what its <see cref="TrackRecordCount.Value"/> then means.</summary>
public enum TrackMeasure
{
    /// <summary>Disputes opened against the organisation in the month (value 0).</summary>
    Opened,

    /// <summary>Disputes of the month by how they stand or ended (value: the <see cref="Disputes.DisputeOutcome"/>).</summary>
    Outcome,

    /// <summary>Disputes of the month the organisation answered with its statement (value 0).</summary>
    Answered,

    /// <summary>Disputes of the month whose response deadline passed without its statement (value 0).</summary>
    NotAnswered,

    /// <summary>Settlements of the month by their parties' reports (value: the <see cref="SettlementReported"/>).</summary>
    Honour,

    /// <summary>Hours from the opening to the organisation's statement, all months together (value: the hour bucket).</summary>
    FirstResponseHours,

    /// <summary>Hours from the opening to the settlement, all months together (value: the hour bucket).</summary>
    SettlementHours,
}
