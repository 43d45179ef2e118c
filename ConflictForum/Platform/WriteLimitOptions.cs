using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Platform;

/// <summary>How many writes of each kind one member may make per window. Defaults suit a busy human, not a script.</summary>
public sealed class WriteLimitOptions
{
    public const string Section = "AbuseLimits:Writes";

    [Range(1, 100_000)] public int DisputesPerDay { get; set; } = 5;

    [Range(1, 100_000)] public int RepliesPerMinute { get; set; } = 6;

    [Range(1, 100_000)] public int CommentsPerMinute { get; set; } = 6;

    [Range(1, 100_000)] public int VotesPerMinute { get; set; } = 30;

    [Range(1, 100_000)] public int ResolutionsPerHour { get; set; } = 5;

    [Range(1, 100_000)] public int FlagsPerHour { get; set; } = 20;

    /// <summary>Invitation links issued again (each can mail the address the claimant typed).</summary>
    [Range(1, 100_000)] public int InvitationsPerDay { get; set; } = 5;

    [Range(1, 100_000)] public int StatementsPerHour { get; set; } = 20;

    /// <summary>A party's answers to proposed resolutions (accept, decline, undecided).</summary>
    [Range(1, 100_000)] public int AnswersPerMinute { get; set; } = 10;

    public (int Limit, TimeSpan Window) RuleFor(WriteAction action) => action switch
    {
        WriteAction.Dispute => (DisputesPerDay, TimeSpan.FromDays(1)),
        WriteAction.Reply => (RepliesPerMinute, TimeSpan.FromMinutes(1)),
        WriteAction.Comment => (CommentsPerMinute, TimeSpan.FromMinutes(1)),
        WriteAction.Vote => (VotesPerMinute, TimeSpan.FromMinutes(1)),
        WriteAction.Resolution => (ResolutionsPerHour, TimeSpan.FromHours(1)),
        WriteAction.Invitation => (InvitationsPerDay, TimeSpan.FromDays(1)),
        WriteAction.Statement => (StatementsPerHour, TimeSpan.FromHours(1)),
        WriteAction.Answer => (AnswersPerMinute, TimeSpan.FromMinutes(1)),
        _ => (FlagsPerHour, TimeSpan.FromHours(1)),
    };
}
