using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Disputes.Components;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Timeline;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>The timeline and statements readers who are not signed in see on a dispute's page: drawn once per version, shared by all their pages.</summary>
public sealed class PublicDrawingsTests : ClockedForumAppTest
{
    [Fact]
    public async Task One_drawing_serves_every_reader_not_signed_in_until_the_record_grows_and_it_shows_what_they_may_see_encoded()
    {
        var claimant = await MemberAsync("Cleo Claimant");
        var respondent = await MemberAsync("Remy Respondent");
        var opened = await OpenAsync(claimant, respondentName: "Remy <b>& Sons</b>");
        Assert.True((await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(respondent, opened.InvitationToken))).Succeeded);
        var timelines = App.Services.GetRequiredService<PublicTimeline>();
        var id = opened.DisputeId;

        var first = await VersionAsync(id);
        var drawings = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => timelines.GetAsync(id, first)));
        Assert.All(drawings, drawing => Assert.Same(drawings[0], drawing)); // 20 open pages, one drawing
        var html = Drawings.Html(drawings[0]!);
        Assert.Contains("opened the dispute against Remy &lt;b&gt;&amp; Sons&lt;/b&gt;.", html, StringComparison.Ordinal); // a name is text, never markup
        Assert.Contains($"href=\"disputes/{id}/statements/claimant#version-1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Flag", html, StringComparison.Ordinal); // nothing interactive for a reader who is not signed in

        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.PostReplyAsync(respondent, id, "Call me on 07700 900123 <script>alert(1)</script>"))).Succeeded);
        var second = await VersionAsync(id);
        var newer = await timelines.GetAsync(id, second); // the drawing of the earlier version does not serve
        Assert.NotSame(drawings[0], newer);
        Assert.Contains("Call me on 07700 900123", Drawings.Html(newer!), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Drawings.Html(newer!), StringComparison.Ordinal);

        var moderator = await WithRoleAsync(await MemberAsync("Mo Derator"), ForumRoles.Moderator);
        long reply;
        await using (var scope = App.Services.CreateAsyncScope())
            reply = (await scope.ServiceProvider.GetRequiredService<ForumDbContext>().TimelineEntries.SingleAsync(e => e.DisputeId == id && e.Kind == TimelineKind.Reply)).Id;
        Assert.True((await WithAsync<ModerationService, Outcome>(s => s.HideAsync(moderator, ContentKind.Reply, reply, "A phone number"))).Succeeded);
        var hidden = Drawings.Html((await timelines.GetAsync(id, await VersionAsync(id)))!);
        Assert.Contains("Hidden by a moderator: A phone number", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900123", hidden, StringComparison.Ordinal);

        Assert.Null(await timelines.GetAsync(id + 1000, 0));
    }

    [Fact]
    public async Task One_drawing_of_both_statements_serves_every_reader_not_signed_in_until_a_party_writes()
    {
        var claimant = await MemberAsync("Cleo Claimant");
        var respondent = await MemberAsync("Remy Respondent");
        var opened = await OpenAsync(claimant, statement: "The van blocks the drive **every** morning.");
        var statements = App.Services.GetRequiredService<PublicStatements>();
        var id = opened.DisputeId;

        var drawings = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ => await statements.GetAsync(id, await VersionAsync(id))));
        Assert.All(drawings, drawing => Assert.Same(drawings[0], drawing)); // 20 open pages, one drawing
        Assert.Contains("<strong>every</strong>", Drawings.Html(drawings[0]!.Claimant), StringComparison.Ordinal);
        Assert.DoesNotContain("Edit your statement", Drawings.Html(drawings[0]!.Claimant), StringComparison.Ordinal);
        Assert.Contains("The other party has not joined yet.", Drawings.Html(drawings[0]!.Respondent), StringComparison.Ordinal);

        Assert.True((await WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(respondent, opened.InvitationToken))).Succeeded);
        Assert.True((await WithAsync<DisputeService, Outcome>(s => s.SaveStatementAsync(respondent, id, "The van is gone by <em>ten</em> past."))).Succeeded);
        var newer = (await statements.GetAsync(id, await VersionAsync(id)))!;
        Assert.NotSame(drawings[0], newer);
        var respondentPanel = Drawings.Html(newer.Respondent);
        Assert.Contains("Remy Respondent", respondentPanel, StringComparison.Ordinal);
        Assert.Contains("The van is gone by", respondentPanel, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", respondentPanel, StringComparison.Ordinal); // raw HTML in Markdown stays text

        var moderator = await WithRoleAsync(await MemberAsync("Mo Derator"), ForumRoles.Moderator);
        long statement;
        await using (var scope = App.Services.CreateAsyncScope())
            statement = (await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Statements.SingleAsync(s => s.DisputeId == id && s.Role == PartyRole.Claimant)).Id;
        Assert.True((await WithAsync<ModerationService, Outcome>(s => s.HideAsync(moderator, ContentKind.Statement, statement, "Names a private person"))).Succeeded);
        var hidden = Drawings.Html((await statements.GetAsync(id, await VersionAsync(id)))!.Claimant);
        Assert.Contains("Hidden by a moderator: Names a private person", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("The van blocks the drive", hidden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_display_name_reaches_pages_that_open_a_minute_later_though_the_dispute_did_not_change()
    {
        var claimant = await MemberAsync("Cleo Claimant");
        var opened = await OpenAsync(claimant);
        var statements = App.Services.GetRequiredService<PublicStatements>();
        var version = await VersionAsync(opened.DisputeId);
        Assert.Contains("Cleo Claimant", Drawings.Html((await statements.GetAsync(opened.DisputeId, version))!.Claimant), StringComparison.Ordinal);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ForumUser>>();
            var user = (await users.FindByIdAsync(claimant.UserId!))!;
            user.DisplayName = "Cleo Renamed";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
        Clock.Advance(SharedMarkup.ServesFor + TimeSpan.FromSeconds(1));

        var later = Drawings.Html((await statements.GetAsync(opened.DisputeId, version))!.Claimant);
        Assert.Contains("Cleo Renamed", later, StringComparison.Ordinal);
    }

    private async Task<OpenedDispute> OpenAsync(ForumActor claimant, string respondentName = "Remy", string statement = "The van blocks the drive.")
    {
        var opened = await WithAsync<DisputeService, Outcome<OpenedDispute>>(s => s.OpenDisputeAsync(claimant, new OpenDisputeInput
        {
            Title = "Shared drive blocked every morning", Summary = "A van parks across the drive at seven.", RespondentName = respondentName,
            Statement = statement,
        }));
        Assert.True(opened.Succeeded, opened.Message);
        return opened.Value!;
    }

    private async Task<int> VersionAsync(int disputeId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Disputes.Where(d => d.Id == disputeId).Select(d => d.Version).SingleAsync();
    }
}
