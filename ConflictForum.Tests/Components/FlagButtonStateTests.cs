using Bunit;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Components;

/// <summary>The flag button remembers: once a reader flagged an item, it says "Flagged" instead of offering the flag again.</summary>
public sealed class FlagButtonStateTests : ForumAppComponentTest
{
    private async Task<(int DisputeId, int First, int Second, ForumActor Flagger)> FlaggedCommentAsync()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var first = await Given.CommentAsync(await Given.MemberAsync("First Reader"), d.DisputeId, "First.");
        var second = await Given.CommentAsync(await Given.MemberAsync("Second Reader"), d.DisputeId, "Second.");
        var flagger = await Given.MemberAsync("Flagger");
        var outcome = await ReadAsync<ModerationService, Outcome>(s =>
            s.FlagAsync(flagger, ContentKind.Comment, first, FlagReason.Spam, null));
        Assert.True(outcome.Succeeded, outcome.Message);
        return (d.DisputeId, first, second, flagger);
    }

    private IRenderedComponent<FlagButton> Button(ForumActor viewer, int commentId) =>
        Render<FlagButton>(p => p.Add(c => c.Viewer, viewer).Add(c => c.Kind, ContentKind.Comment).Add(c => c.ItemId, (long)commentId)
            .Add(c => c.AuthorId, "someone else"));

    private static void AssertFlagged(AngleSharp.Dom.IElement flagged)
    {
        var button = flagged.QuerySelector("button")!;
        Assert.Equal("Flagged", button.TextContent.Trim());
        Assert.True(button.HasAttribute("disabled"));
        var note = flagged.QuerySelector($"#{button.GetAttribute("aria-describedby")}");
        Assert.Equal("Flagged: moderators will review it.", note?.TextContent.Trim());
    }

    [Fact]
    public async Task After_a_reload_an_item_the_reader_flagged_shows_flagged_disabled_with_why()
    {
        var (_, first, second, flagger) = await FlaggedCommentAsync();

        var again = Button(flagger, first);
        again.WaitForAssertion(() => AssertFlagged(again.Find("[data-testid='flagged']")));
        Assert.Empty(again.FindAll("[data-testid='flag']"));

        var other = Button(flagger, second);
        other.WaitForAssertion(() => Assert.Single(other.FindAll("[data-testid='flag']")));
        Assert.Empty(other.FindAll("[data-testid='flagged']"));
    }

    [Fact]
    public async Task Sending_a_flag_turns_the_button_into_flagged()
    {
        var (_, _, second, flagger) = await FlaggedCommentAsync();
        await SignInAsync(flagger);
        var button = Button(flagger, second);

        button.WaitForElement("[data-testid='flag']").Click();
        Buttons(button, "Send flag").Single().Click();

        button.WaitForAssertion(() => AssertFlagged(button.Find("[data-testid='flagged']")), TimeSpan.FromSeconds(10));
        Assert.True(Services.GetRequiredService<ReaderFlags>().Has(ContentKind.Comment, second)); // the page knows it too
    }

    [Fact]
    public async Task A_discussion_marks_what_the_reader_flagged_from_one_read_for_the_page()
    {
        var (disputeId, first, second, flagger) = await FlaggedCommentAsync();
        await Services.GetRequiredService<ReaderFlags>().LoadAsync(flagger, disputeId);
        var page = await ReadAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(disputeId, flagger));

        var panel = Render<CommentsPanel>(p => p.Add(c => c.DisputeId, disputeId).Add(c => c.Threads, page.Threads)
            .Add(c => c.Count, page.Count).Add(c => c.Viewer, flagger));

        var comments = panel.FindAll("[data-testid='comment']");
        Assert.Equal(first, int.Parse(comments[0].Id!["comment-".Length..], System.Globalization.CultureInfo.InvariantCulture));
        AssertFlagged(comments[0].QuerySelector("[data-testid='flagged']")!);
        Assert.Null(comments[0].QuerySelector("[data-testid='flag']"));
        Assert.NotNull(comments[1].QuerySelector("[data-testid='flag']"));
        Assert.Equal($"comment-{second}", comments[1].Id);
    }
}
