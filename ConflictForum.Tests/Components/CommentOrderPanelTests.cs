using Bunit;
using ConflictForum.Features.Deliberation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>On a member's live page the order links reorder the discussion in place; each comment carries its permalink.</summary>
public sealed class CommentOrderPanelTests : ForumAppComponentTest
{
    [Fact]
    public async Task Choosing_newest_reorders_in_place_and_marks_the_choice()
    {
        var d = await Given.DisputeBetweenAsync("Claimant", "Respondent");
        var first = await Given.CommentAsync(await Given.MemberAsync("First Reader"), d.DisputeId, "First.");
        var second = await Given.CommentAsync(await Given.MemberAsync("Second Reader"), d.DisputeId, "Second.");
        var page = await ReadAsync<DeliberationQueries, CommentPage>(q => q.CommentsAsync(d.DisputeId, ForumActor.Anonymous));
        var panel = Render<CommentsPanel>(p => p.Add(c => c.DisputeId, d.DisputeId).Add(c => c.Threads, page.Threads)
            .Add(c => c.Count, page.Count));

        string[] Ids() => [.. panel.FindAll("[data-testid='comment']").Select(c => c.Id!)];
        Assert.Equal([$"comment-{first}", $"comment-{second}"], Ids());
        Assert.Equal($"disputes/{d.DisputeId}?comment={first}#comment-{first}",
            panel.Find($"#comment-{first} [data-testid='permalink']").GetAttribute("href"));

        var newest = Buttons(panel, "Newest").Single();
        Assert.Equal($"disputes/{d.DisputeId}?comments=newest#comments", newest.GetAttribute("href")); // a real link too
        newest.Click();

        panel.WaitForAssertion(() => Assert.Equal([$"comment-{second}", $"comment-{first}"], Ids()));
        Assert.Equal("true", Buttons(panel, "Newest").Single().GetAttribute("aria-current"));
        Assert.Null(Buttons(panel, "Oldest").Single().GetAttribute("aria-current"));
        JSInterop.VerifyInvoke("conflictForum.replaceAddress"); // the address says so, to share
    }
}
