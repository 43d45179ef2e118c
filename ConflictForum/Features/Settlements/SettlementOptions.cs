using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Settlements;

public sealed class SettlementOptions
{
    public const string Section = "Settlements";

    /// <summary>
    /// How long after the settlement's due date a party has to report whether it was honoured; after it, a party who said
    /// nothing reads as "No report". Default 14 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan ReportWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>When a settlement with no date to carry it out by is due: this long after settling. Default 7 days.</summary>
    public static readonly TimeSpan DueWithoutDate = TimeSpan.FromDays(7);
}
