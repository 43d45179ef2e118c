using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Live;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Live;

/// <summary>
/// The regions of a dispute's page rendered once for every reader who is not signed in (the static page and the live stream).
/// </summary>
public sealed class ReaderRegionsTests : ClockedForumAppTest
{
    [Fact]
    public async Task A_reader_s_regions_show_names_and_text_encoded_and_nothing_to_act_on()
    {
        var (id, _, respondent) = await DisputeAsync(respondentName: "Remy <b>& Sons</b>",
            statement: "The van blocks the drive **every** morning.");
        Assert.True((await WithAsync<DisputeService, Outcome>(s =>
            s.SaveStatementAsync(respondent, id, "The van is gone by <em>ten</em> past."))).Succeeded);
        Assert.True((await WithAsync<DisputeService, Outcome>(s =>
            s.PostReplyAsync(respondent, id, "Call me <script>alert(1)</script>"))).Succeeded);
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(respondent, id, "First <script>alert(2)</script> thoughts."))).Succeeded);

        var regions = await RenderAsync(id);

        Assert.Contains("opened the dispute against Remy &lt;b&gt;&amp; Sons&lt;/b&gt;.", regions[LiveRegions.Timeline],
            StringComparison.Ordinal); // a name is text, never markup
        Assert.Contains($"href=\"disputes/{id}/statements/claimant#version-1\"", regions[LiveRegions.Timeline], StringComparison.Ordinal);
        Assert.Contains("<strong>every</strong>", regions[LiveRegions.Statements], StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", regions[LiveRegions.Statements], StringComparison.Ordinal); // raw HTML in Markdown stays text
        Assert.Contains("First", regions[LiveRegions.Comments], StringComparison.Ordinal);
        foreach (var (name, html) in regions)
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            // Nothing interactive for a reader who is not signed in: no flag, edit, reply, vote or statement buttons.
            Assert.DoesNotContain(">Flag", html, StringComparison.Ordinal);
            Assert.DoesNotContain(">Edit", html, StringComparison.Ordinal);
            Assert.DoesNotContain(">Reply<", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"vote-", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Edit your statement", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hidden_text_never_reaches_a_reader_s_regions()
    {
        var (id, _, respondent) = await DisputeAsync(statement: "My neighbour Ada Lovelace at number 4 parks there.");
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.PostReplyAsync(respondent, id, "Call me on 07700 900123"))).Succeeded);
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(respondent, id, "Her address is 4 Elm Row."))).Succeeded);
        var before = await RenderAsync(id);
        Assert.Contains("07700 900123", before[LiveRegions.Timeline], StringComparison.Ordinal);

        var moderator = await WithRoleAsync(await MemberAsync("Mo Derator"), ForumRoles.Moderator);
        long reply, statement;
        int comment;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            reply = (await db.TimelineEntries.SingleAsync(e => e.DisputeId == id && e.Kind == TimelineKind.Reply)).Id;
            statement = (await db.Statements.SingleAsync(s => s.DisputeId == id && s.Role == PartyRole.Claimant)).Id;
            comment = (await db.Comments.SingleAsync(c => c.DisputeId == id)).Id;
        }
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Reply, reply, "A phone number"))).Succeeded);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Statement, statement, "Names a private person"))).Succeeded);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Comment, comment, "An address"))).Succeeded);

        var after = await RenderAsync(id);
        var all = string.Concat(after.Values);
        Assert.Contains("Hidden by a moderator: A phone number", after[LiveRegions.Timeline], StringComparison.Ordinal);
        Assert.Contains("Hidden by a moderator: Names a private person", after[LiveRegions.Statements], StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900123", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Lovelace", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm Row", all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vote_moves_only_the_fault_region_and_a_comment_only_the_discussion()
    {
        Assert.Equal([LiveRegions.Fault], LiveRegions.MovedBy(DisputeChanges.Tally));
        Assert.Equal([LiveRegions.Comments], LiveRegions.MovedBy(DisputeChanges.Comments));
        Assert.Equal(LiveRegions.All, LiveRegions.MovedBy(DisputeChanges.Status));
        Assert.Equal(LiveRegions.All, LiveRegions.MovedBy(DisputeChanges.All)); // moderation: a hide reaches every region
    }

    private async Task<Dictionary<string, string>> RenderAsync(int disputeId)
    {
        var rendered = await DisputeFeed.RenderRegionsAsync(App.Services.GetRequiredService<IServiceScopeFactory>(),
            App.Services.GetRequiredService<SharedMarkup>(), disputeId, LiveRegions.All);
        Assert.NotNull(rendered);
        return LiveRegions.All.Zip(rendered.Value.Html).ToDictionary(p => p.First, p => p.Second);
    }

    private Task<DisputeParties> DisputeAsync(string respondentName = "Remy", string statement = "The van blocks the drive.") =>
        Given.DisputeBetweenAsync("Cleo Claimant", "Remy Respondent",
            Scenario.Dispute("Shared drive blocked every morning", "A van parks across the drive at seven.", respondentName, statement));
}
