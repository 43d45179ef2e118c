using ConflictForum.Data;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Deliberation;

/// <summary>The whole XSS corpus through every place a user writes Markdown, checked as stored and shown.</summary>
public sealed class XssThroughEveryInputTests : ForumAppTest
{
    [Fact]
    public async Task Every_vector_is_stored_inert_in_statements_replies_comments_and_resolutions()
    {
        var claimant = await MemberAsync("Claimant");
        var respondent = await MemberAsync("Respondent");
        var reader = await MemberAsync("Reader");
        var opened = await Given.DisputeBetweenAsync(claimant, respondent,
            Scenario.Dispute("Hostile text everywhere", "Every input gets the corpus.", "Rita", MarkdownXssCorpusTests.Corpus[0]));

        foreach (var (vector, i) in MarkdownXssCorpusTests.Corpus.Select((v, i) => (v, i)))
        {
            var outcomes = new Outcome[]
            {
                await Run<DisputeService, Outcome>(s => s.SaveStatementAsync(respondent, opened.DisputeId, vector + $"\n\n(version {i})")),
                await Run<DisputeService, Outcome>(s => s.PostReplyAsync(claimant, opened.DisputeId, vector)),
                await Run<DeliberationService, Outcome<int>>(s => s.PostCommentAsync(reader, opened.DisputeId, vector)),
                await Run<DeliberationService, Outcome<int>>(s =>
                    s.ProposeResolutionAsync(reader, opened.DisputeId, $"Proposal number {i}", vector)),
            };
            // A vector carrying a control character never reaches the renderer: the input check refuses it first.
            if (Inputs.TextProblem(vector, "text") is null) Assert.All(outcomes, o => Assert.True(o.Succeeded, $"{vector}: {o.Message}"));
            else Assert.All(outcomes, o => Assert.Equal(OutcomeKind.Invalid, o.Kind));
        }

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var stored = (await db.StatementRevisions.Select(r => r.Html).ToListAsync())
            .Concat(await db.Statements.Select(s => s.Html).ToListAsync())
            .Concat(await db.TimelineEntries.Where(e => e.BodyHtml != null).Select(e => e.BodyHtml!).ToListAsync())
            .Concat(await db.Comments.Select(c => c.Html).ToListAsync())
            .Concat(await db.Resolutions.Select(r => r.Html).ToListAsync())
            .ToList();
        Assert.True(stored.Count >= 4 * MarkdownXssCorpusTests.Corpus.Count(v => Inputs.TextProblem(v, "text") is null));
        Assert.All(stored, MarkdownXssCorpusTests.AssertInert);
    }
}
