using System.ComponentModel;

namespace ConflictForum.Features.Disputes;

/// <summary>
/// The home page's lists, the same for every reader (<see cref="DisputeQueries.FrontPageAsync"/>). Never changed once read, so
/// one instance serves every request while it is cached (<see cref="FrontPageCache"/>; the attribute tells HybridCache so).
/// </summary>
/// <param name="MostActive">Open for votes, most activity first: the first rows of <see cref="MostActiveUrl"/>.</param>
/// <param name="ClosingSoon">Running, nearest deadline (response or end of voting) first: those of <see cref="ClosingSoonUrl"/>.</param>
/// <param name="RecentlySettled">Settled, latest first, with their follow-ups (as in <see cref="SettledUrl"/>).</param>
/// <param name="ReadAt">When the lists were read.</param>
[ImmutableObject(true)]
public sealed record FrontPage(IReadOnlyList<DisputeRow> MostActive, IReadOnlyList<DisputeRow> ClosingSoon,
    IReadOnlyList<DisputeRow> RecentlySettled, DateTime ReadAt)
{
    /// <summary>How many disputes each list shows.</summary>
    public const int Size = 4;

    /// <summary>The dispute list with the filter and sort of each list, for "see all".</summary>
    public const string MostActiveUrl = "disputes?status=Open&sort=MostActive";

    /// <inheritdoc cref="MostActiveUrl"/>
    public const string ClosingSoonUrl = "disputes?sort=ClosingSoon";

    /// <inheritdoc cref="MostActiveUrl"/>
    public const string SettledUrl = "disputes?outcome=Settled&sort=Outcome";
}
