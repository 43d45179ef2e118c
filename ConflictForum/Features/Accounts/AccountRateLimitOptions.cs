using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Accounts;

public sealed class AccountRateLimitOptions
{
    public const string Section = "AbuseLimits";

    /// <summary>
    /// Sign-in, registration, password-reset and password-change form posts allowed per client address per minute. Default 10.
    /// </summary>
    [Range(1, 10_000)]
    public int AccountPostsPerMinute { get; set; } = 10;

    /// <summary>Requests to the JSON API allowed per client address per minute. Default 120.</summary>
    [Range(1, 1_000_000)]
    public int ApiRequestsPerMinute { get; set; } = 120;
}
