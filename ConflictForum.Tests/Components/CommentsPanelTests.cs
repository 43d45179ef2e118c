using Bunit;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>The discussion as a reader sees it, from the comments the services read for them.</summary>
public sealed class CommentsPanelTests : ForumAppComponentTest
{
    /// <summary>The panel with the first <paramref name="take"/> threads, as a page hands them over.</summary>
    private async Task<IRenderedComponent<CommentsPanel>> PanelAsync(int disputeId, int take, string? moreHref = null)
    {
        var page = await ReadAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(disputeId, ForumActor.Anonymous, take: take));
        return Render<CommentsPanel>(p => p.Add(c => c.DisputeId, disputeId).Add(c => c.Threads, page.Threads).Add(c => c.Count, page.Count)
            .Add(c => c.HasMore, page.NextAfter is not null).Add(c => c.MoreHref, moreHref));
    }

    [Fact]
    public async Task Comments_are_listed_oldest_first_with_their_author_linked_to_the_author_s_page()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var ada = await Given.MemberAsync("Ada Reader");
        await Given.CommentAsync(ada, d.DisputeId, "Ask for the **receipt**.");
        await Given.CommentAsync(d.Respondent, d.DisputeId, "It was sold as seen.");

        var panel = await PanelAsync(d.DisputeId, take: 10);

        Assert.Equal("Discussion (2)", panel.Find("h2").TextContent.Trim());
        var comments = panel.FindAll("[data-testid='comment']");
        Assert.Equal(2, comments.Count);
        var author = comments[0].QuerySelector($"a[href='{DisputeAddresses.MemberUrl(ada.UserId)}']");
        Assert.Equal("Ada Reader", author?.TextContent.Trim());
        Assert.Equal("receipt", comments[0].QuerySelector(".cf-markdown strong")?.TextContent);
        Assert.Contains("Respondent", comments[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("respondent", comments[1].QuerySelector("[data-testid='party-badge']")?.TextContent.Trim());
        Assert.Empty(Buttons(panel, "Show more comments"));
    }

    [Fact]
    public async Task A_reader_without_a_circuit_is_linked_to_more_comments_when_more_exist()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        await Given.CommentAsync(await Given.MemberAsync("First Reader"), d.DisputeId, "First.");
        await Given.CommentAsync(await Given.MemberAsync("Second Reader"), d.DisputeId, "Second.");

        var panel = await PanelAsync(d.DisputeId, take: 1, moreHref: DisputeAddresses.CommentsUrl(d.DisputeId, 2));

        Assert.Single(panel.FindAll("[data-testid='comment']"));
        var more = panel.Find($"a[href='{DisputeAddresses.CommentsUrl(d.DisputeId, 2)}']");
        Assert.Equal("Show more comments", more.TextContent.Trim());
    }

    [Fact]
    public async Task A_member_s_show_more_loads_the_next_comments_in_place()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        await Given.CommentAsync(await Given.MemberAsync("First Reader"), d.DisputeId, "First.");
        await Given.CommentAsync(await Given.MemberAsync("Second Reader"), d.DisputeId, "Second.");
        var panel = await PanelAsync(d.DisputeId, take: 1);

        Buttons(panel, "Show more comments").Single().Click();

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid='comment']").Count));
        Assert.Contains("Second.", panel.FindAll("[data-testid='comment']")[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(Buttons(panel, "Show more comments"));
    }

    [Fact]
    public async Task A_member_s_flag_opens_the_form_on_that_comment_alone_and_cancel_brings_the_button_back()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        await Given.CommentAsync(await Given.MemberAsync("First Reader"), d.DisputeId, "First.");
        await Given.CommentAsync(await Given.MemberAsync("Second Reader"), d.DisputeId, "Second.");
        var page = await ReadAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(d.DisputeId, ForumActor.Anonymous, take: 10));
        var panel = Render<CommentsPanel>(p => p.Add(c => c.DisputeId, d.DisputeId).Add(c => c.Threads, page.Threads)
            .Add(c => c.Count, page.Count).Add(c => c.Viewer, new ForumActor("other", "Other", false, false, null)));
        Assert.Equal(2, panel.FindAll("[data-testid='flag']").Count);

        panel.FindAll("[data-testid='comment']")[1].QuerySelector("[data-testid='flag']")!.Click();

        var second = panel.FindAll("[data-testid='comment']")[1];
        Assert.NotNull(second.QuerySelector("[data-testid='flag-form']"));
        Assert.Contains("Why should a moderator look at this comment?", second.TextContent, StringComparison.Ordinal);
        Assert.Single(panel.FindAll("[data-testid='flag-form']"));
        Assert.Equal("Flag this comment", panel.Find("[data-testid='flag']").GetAttribute("aria-label"));
        Buttons(panel, "Cancel").Single().Click();
        Assert.Empty(panel.FindAll("[data-testid='flag-form']"));
        Assert.Equal(2, panel.FindAll("[data-testid='flag']").Count);
    }
}
