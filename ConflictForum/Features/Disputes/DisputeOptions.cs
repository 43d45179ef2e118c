using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Disputes;

public sealed class DisputeOptions
{
    public const string Section = "Disputes";

    /// <summary>How long the respondent has to join before the dispute opens without them. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan ResponseWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long voting runs once a dispute opens. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan VotingWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an invitation link works. Default 14 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often the deadline service looks for due transitions. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DeadlineSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
