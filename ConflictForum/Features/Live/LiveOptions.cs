using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Live;

/// <summary>The readers' live stream (<c>Live:</c> in configuration).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often an idle stream sends a comment line, so proxies do not close it. Default 20 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Open streams one client address may hold (tabs of one household, or one office behind NAT). Default 16.</summary>
    [Range(1, 100_000)]
    public int MaxStreamsPerAddress { get; set; } = 16;

    /// <summary>Open streams this instance holds at most; beyond them a page stays static and says so. Default 20,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxStreams { get; set; } = 20_000;
}
