using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Deliberation;

public sealed class VotingOptions
{
    public const string Section = "Voting";

    /// <summary>When readers see fault tallies. Default <see cref="TallyVisibility.AfterVoting"/>.</summary>
    public TallyVisibility TalliesVisible { get; set; } = TallyVisibility.AfterVoting;

    /// <summary>Votes needed before a verdict is declared. Default 10.</summary>
    [Range(1, 1_000_000)]
    public int Quorum { get; set; } = 10;

    /// <summary>How old an account must be to vote, to blunt sock-puppet brigades. Default 24 hours (0 in Development).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan MinimumAccountAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long an author may edit a comment. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CommentEditWindow { get; set; } = TimeSpan.FromMinutes(15);
}
