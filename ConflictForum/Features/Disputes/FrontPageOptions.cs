using System.ComponentModel.DataAnnotations;

namespace ConflictForum.Features.Disputes;

public sealed class FrontPageOptions
{
    public const string Section = "FrontPage";

    /// <summary>How long the home page's lists are kept before they are read again. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);
}
