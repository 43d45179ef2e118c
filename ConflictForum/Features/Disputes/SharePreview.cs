namespace ConflictForum.Features.Disputes;

/// <summary>
/// What a link to a dispute shows where it is shared (Open Graph and Twitter card tags, <c>ShareTags</c>) and what the share
/// button passes on: the title, the two parties with the status or outcome, and the public address. Built from the row as
/// everyone sees it, so a hidden dispute's own words never leave in a preview, whoever's page it is made on.
/// </summary>
public sealed record SharePreview(string Title, string Description, string Url)
{
    /// <summary>Longer summaries are cut: previews show a line or two.</summary>
    public const int SummaryShown = 200;

    /// <param name="publicUrl">The site's public address (<c>Site:PublicUrl</c>), never the request's Host.</param>
    public static SharePreview Of(DisputeRow row, Uri publicUrl)
    {
        var shown = DisputeQueries.AsEveryoneSees(row);
        var d = shown.Dispute;
        var state = shown.Outcome is DisputeOutcome.Running or DisputeOutcome.Withdrawn
            ? DisputeLabels.Status(d)
            : OutcomeLabels.Name(shown);
        var about = shown.HiddenReason is not null ? "Hidden by a moderator or members' flags."
            : d.Summary.Length > SummaryShown ? d.Summary[..SummaryShown].TrimEnd() + "…"
            : d.Summary;
        return new(d.Title, $"{shown.ClaimantName} vs {shown.RespondentName} · {state}. {about}".TrimEnd(),
            new Uri(publicUrl, DisputeAddresses.DisputeUrl(d.Id)).AbsoluteUri);
    }
}
