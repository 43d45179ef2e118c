using ConflictForum.Data;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Features.Deliberation;

/// <summary>The ranking frozen at close names every resolution: a hidden one's title is replaced for readers who may not see it.</summary>
internal sealed class FrozenRankingRedaction(MarkdownRenderer markdown) : ITimelineRedaction
{
    public async Task RedactAsync(ForumDbContext db, List<TimelineEntry> entries, HiddenItems hidden, CancellationToken ct)
    {
        if (!entries.Exists(e => e.Kind == TimelineKind.VerdictFrozen && e.Body is not null)) return;
        var disputeId = entries[0].DisputeId;
        var resolutions = await db.Resolutions.AsNoTracking().Where(r => r.DisputeId == disputeId)
            .Select(r => new { r.Id, r.Title }).ToListAsync(ct);
        var secret = resolutions.Where(r => hidden.For(ContentKind.Resolution, r.Id) is { ShowContent: false })
            .Select(r => r.Title).ToList();
        if (secret.Count == 0) return;
        foreach (var entry in entries.Where(e => e.Kind == TimelineKind.VerdictFrozen && e.Body is not null))
        {
            // The ranking names each title as Markdown text (escaped), so it is looked for in that form; rankings frozen
            // before titles were escaped name it as typed, so that form is looked for too.
            var body = secret.Aggregate(entry.Body!, (text, title) => text
                .Replace($". {MarkdownText.Escape(title)}: ", ". [a resolution hidden by a moderator]: ", StringComparison.Ordinal)
                .Replace($". {title}: ", ". [a resolution hidden by a moderator]: ", StringComparison.Ordinal));
            (entry.Body, entry.BodyHtml) = (body, markdown.Render(body).Html);
        }
    }
}
