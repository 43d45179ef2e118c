using System.Text;
using ConflictForum.Data;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictForum.Features.Deliberation;

/// <summary>When voting closes, the verdict and the resolution ranking are frozen onto the dispute and its timeline.</summary>
internal sealed class VerdictAtClose(TimelineWriter timeline, MarkdownRenderer markdown, IOptions<VotingOptions> options) : IDisputeClosing
{
    public async Task OnClosingAsync(ForumDbContext db, Dispute dispute, DateTime at, CancellationToken ct)
    {
        var tally = FaultTally.Of(dispute);
        var verdict = Verdict.Of(tally, options.Value.Quorum, FaultNames.Of);
        var resolutions = await db.Resolutions.AsNoTracking().Where(r => r.DisputeId == dispute.Id).ToListAsync(ct);

        var body = new StringBuilder();
        body.Append(System.Globalization.CultureInfo.InvariantCulture, $"**{verdict.Text}**\n\n");
        foreach (var option in Enum.GetValues<FaultOption>())
            body.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"- {FaultNames.Of(option)}: {tally[option]} of {tally.Total} votes\n");
        var ranked = resolutions.OrderByDescending(r => Ranking.Score(r.Support, r.Oppose)).ToList();
        if (ranked.Count > 0)
        {
            body.Append("\nResolutions, best supported first:\n\n");
            // A title is plain text: escaped, it cannot plant a link or an image in the record (DisputeQueries redacts it in this form).
            for (var i = 0; i < ranked.Count; i++)
                body.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"{i + 1}. {MarkdownText.Escape(ranked[i].Title)}: {ranked[i].Support} support, {ranked[i].Oppose} oppose\n");
        }

        var source = body.ToString();
        dispute.FinalVerdict = verdict.Text;
        await timeline.AppendAsync(db, dispute.Id, at, ForumActor.Anonymous, TimelineKind.VerdictFrozen,
            "Voting closed. The public verdict and the resolution ranking are frozen as they stood.",
            body: source, bodyHtml: markdown.Render(source).Html, ct: ct);
    }
}
