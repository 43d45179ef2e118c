using System.Security.Claims;
using Bunit;
using ConflictForum.Features.Deliberation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>A comment form never loses what was typed: a refusal keeps the text and its draft, a success clears both.</summary>
public sealed class CommentFormTests : ForumComponentTest
{
    private const string Refusal = "Slow down: try again in 40 seconds. Your text is kept.";
    private readonly Queue<Outcome> answers = new();
    private readonly List<string> submitted = [];

    public CommentFormTests() =>
        AddAuthorization().SetAuthorized("Ada").SetClaims(new Claim(ClaimTypes.NameIdentifier, "member-7"));

    private IRenderedComponent<CommentForm> Form() => Render<CommentForm>(p => p.Add(c => c.DraftName, "comment:3")
        .Add(c => c.InputId, "new-comment").Add(c => c.Submit, text =>
        {
            submitted.Add(text);
            return Task.FromResult(answers.Dequeue());
        }));

    [Fact]
    public void A_refused_comment_stays_in_the_box_and_its_draft_and_the_reason_takes_the_focus()
    {
        answers.Enqueue(Outcome.Refused(Refusal));
        var cut = Form();
        cut.Find("textarea").Input("The receipt says sold as seen.");

        cut.Find("button").Click();

        Assert.Equal(["The receipt says sold as seen."], submitted);
        Assert.Equal("The receipt says sold as seen.", cut.Find("textarea").GetAttribute("value"));
        var alert = cut.Find("[role='alert']");
        Assert.Contains(Refusal, alert.TextContent, StringComparison.Ordinal);
        Assert.Equal(alert.Id, JSInterop.VerifyInvoke("conflictForum.focusById").Arguments[0]);
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "conflictForum.drafts.clear");
    }

    [Fact]
    public void A_posted_comment_empties_the_box_and_forgets_its_draft()
    {
        answers.Enqueue(Outcome.Refused(Refusal));
        answers.Enqueue(Outcome.Ok);
        var cut = Form();
        cut.Find("textarea").Input("The receipt says sold as seen.");
        cut.Find("button").Click();

        cut.Find("button").Click();

        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");
        Assert.Empty(cut.FindAll("[role='alert']"));
        Assert.Equal("member-7:comment:3", JSInterop.VerifyInvoke("conflictForum.drafts.clear").Arguments[0]);
    }

    [Fact]
    public void The_draft_saved_in_this_browser_is_put_back_in_the_box()
    {
        JSInterop.Setup<string?>("conflictForum.drafts.load", "member-7:comment:3").SetResult("""{"Text":"Typed before the reload"}""");

        var cut = Form();

        Assert.Equal("Typed before the reload", cut.Find("textarea").GetAttribute("value"));
        Assert.Equal("member-7:comment:3", cut.Find("[data-draft]").GetAttribute("data-draft"));
        Assert.Contains("Restored the draft saved in this browser.", cut.Markup, StringComparison.Ordinal);
    }
}
