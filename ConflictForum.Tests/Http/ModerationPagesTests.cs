using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Http;

public sealed class ModerationPagesTests : ForumAppTest
{
    private const string Password = "correct horse battery";

    private async Task<(int DisputeId, int CommentId, ForumActor Moderator)> HiddenCommentAsync(string text)
    {
        var opened = await Given.DisputeBetweenAsync("Claimant", "Respondent",
            Scenario.Dispute("Deposit kept for a stain", "The landlord kept my deposit.", "Landlord", "A tiny stain."));
        var comment = await Given.CommentAsync(await MemberAsync("Commenter"), opened.DisputeId, text);
        var moderator = await Given.ModeratorAsync("Mod Erator");
        await Given.HideCommentAsync(moderator, comment, "Doxxing");
        return (opened.DisputeId, comment, moderator);
    }

    [Fact]
    public async Task A_hidden_comment_never_reaches_a_reader_s_browser_but_its_public_reason_does()
    {
        var (disputeId, _, _) = await HiddenCommentAsync("The landlord lives at 4 Privet Drive.");

        var (status, html) = await GetPageAsync($"/disputes/{disputeId}");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("Hidden by a moderator: Doxxing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Privet Drive", html, StringComparison.Ordinal);
        var (_, api) = await GetPageAsync($"/api/disputes/{disputeId}");
        Assert.DoesNotContain("Privet Drive", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appeal_note_reaches_neither_the_public_log_nor_the_dispute_page_of_a_reader()
    {
        const string note = "Ask my neighbour Jo Bloggs at 12 Elm Road, she saw it all.";
        var (disputeId, comment, _) = await HiddenCommentAsync("The landlord never fixed the boiler.");
        var author = (await WithAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(disputeId, ForumActor.Anonymous)))
            .Threads.Single().Comment.AuthorId;
        var commenter = await WithAsync<ForumActors, ForumActor>(a => a.ForUserAsync(author));
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.AppealAsync(commenter, ContentKind.Comment, comment, note))).Succeeded);
        var other = await WithRoleAsync(await MemberAsync("Other Moderator"), ForumRoles.Moderator);
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.DecideAppealAsync(other, ContentKind.Comment, comment, restore: true, "A fair complaint"))).Succeeded);

        var (_, log) = await GetPageAsync("/moderation/log");
        Assert.Contains("Commenter appealed the hiding of their comment; another moderator will decide.", log, StringComparison.Ordinal);
        Assert.Contains("Other Moderator (moderator) granted the appeal and restored a comment by Commenter: A fair complaint", log,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Elm Road", log, StringComparison.Ordinal);
        var (_, page) = await GetPageAsync($"/disputes/{disputeId}");
        Assert.Contains("appealed the hiding of their comment", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm Road", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_reads_the_moderation_log_and_only_moderators_get_the_queue()
    {
        await HiddenCommentAsync("Their number is 07700 900123.");

        var (status, log) = await GetPageAsync("/moderation/log");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("Mod Erator (moderator) hid a comment by Commenter: Doxxing", log, StringComparison.Ordinal);

        var site = new SiteClient(App);
        using (var anonymous = await site.Http.GetAsync(new Uri("/moderation", UriKind.Relative)))
            Assert.Equal("/Account/Login", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
        await site.RegisterAndSignInAsync("Plain Member", "plain@example.test", Password);
        var queue = await site.GetHtmlAsync("/moderation");
        Assert.Contains("Only moderators see the queue.", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moderator_is_not_offered_suspension_tools_for_a_member_they_are_in_a_dispute_with()
    {
        var site = new SiteClient(App);
        await site.RegisterAndSignInAsync("Mona Moderator", "mona@example.test", Password);
        var mona = await WithRoleAsync(await ActorByEmailAsync("mona@example.test"), ForumRoles.Moderator);
        await site.SignInAsync("mona@example.test", Password); // the role ended her earlier sign-in
        var neighbour = await MemberAsync("Noisy Neighbour");
        var stranger = await MemberAsync("Total Stranger");
        await Given.DisputeBetweenAsync(mona, neighbour,
            Scenario.Dispute("Music through the wall at 3 am", "Every night this week.", "Noisy Neighbour", "Please stop."));

        var opponent = await site.GetHtmlAsync($"/members/{neighbour.UserId}");
        Assert.Contains("You are in a dispute with this member, so another moderator acts on them",
            System.Net.WebUtility.HtmlDecode(opponent), StringComparison.Ordinal);
        Assert.DoesNotContain("suspension-panel", opponent, StringComparison.Ordinal);

        var other = await site.GetHtmlAsync($"/members/{stranger.UserId}");
        Assert.Contains("suspension-panel", other, StringComparison.Ordinal);
    }

    private async Task<ForumActor> ActorByEmailAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ForumUser>>()
            .FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync(user!.Id);
    }
}
