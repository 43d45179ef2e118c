using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Platform;

/// <summary>The one draft mechanism every long text shares: kept per member and per target, restored, cleared on success.</summary>
public sealed class BrowserDraftTests : ForumComponentTest
{
    private const string Key = "member-7:comment:3";

    private readonly BunitAuthorizationContext auth;

    public BrowserDraftTests() => auth = AddAuthorization();

    private void SignIn() => auth.SetAuthorized("Ada").SetClaims(new Claim(ClaimTypes.NameIdentifier, "member-7"));

    private IRenderedComponent<BrowserDraft> Draft(Action<IReadOnlyDictionary<string, string>> restore) =>
        Render<BrowserDraft>(p => p.Add(c => c.Name, "comment:3").Add(c => c.Restore, restore)
            .AddChildContent("<textarea data-draft-field=\"Text\"></textarea>"));

    [Fact]
    public void The_fields_are_kept_under_the_member_s_id_and_the_target_s_name()
    {
        SignIn();
        var cut = Draft(_ => { });

        Assert.Equal(Key, cut.Find("[data-draft]").GetAttribute("data-draft"));
        Assert.Equal("Text", cut.Find("[data-draft] textarea").GetAttribute("data-draft-field")); // the field inside, by its name
    }

    [Fact]
    public void A_saved_draft_is_handed_back_after_the_first_render_with_a_note_and_empty_fields_are_left_out()
    {
        SignIn();
        JSInterop.Setup<string?>("conflictForum.drafts.load", Key).SetResult("""{"Text":"Half a thought","Title":"","Amount":3}""");
        IReadOnlyDictionary<string, string>? restored = null;

        var cut = Draft(fields => restored = fields);

        Assert.Equal(new Dictionary<string, string> { ["Text"] = "Half a thought" }, restored);
        Assert.Equal("Restored the draft saved in this browser.", cut.Find("[role='status']").TextContent.Trim());
    }

    [Fact]
    public void Without_a_saved_draft_nothing_is_restored_and_no_note_is_shown()
    {
        SignIn();
        var called = false;

        var cut = Draft(_ => called = true);

        Assert.False(called);
        Assert.Empty(cut.FindAll("[role='status']"));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "conflictForum.drafts.load");
    }

    [Fact]
    public async Task Clearing_forgets_the_draft_and_its_note()
    {
        SignIn();
        JSInterop.Setup<string?>("conflictForum.drafts.load", Key).SetResult("""{"Text":"Sent now"}""");
        var cut = Draft(_ => { });

        await cut.InvokeAsync(cut.Instance.ClearAsync);

        Assert.Equal(Key, JSInterop.Invocations.Single(i => i.Identifier == "conflictForum.drafts.clear").Arguments[0]);
        Assert.Empty(cut.FindAll("[role='status']"));
    }

    [Fact]
    public void A_reader_who_is_not_signed_in_keeps_no_draft()
    {
        auth.SetNotAuthorized();

        var cut = Draft(_ => { });

        Assert.Null(cut.Find("div").GetAttribute("data-draft"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier.StartsWith("conflictForum.drafts.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_draft_written_for_another_target_is_restored_when_the_form_turns_to_it()
    {
        SignIn();
        JSInterop.Setup<string?>("conflictForum.drafts.load", "member-7:counter:9").SetResult("""{"Text":"My counter"}""");
        var restored = new List<string>();
        var cut = Render<BrowserDraft>(p => p.Add(c => c.Name, "offer:3").Add(c => c.Restore, f => restored.Add(f["Text"])));
        Assert.Empty(restored);

        cut.Render(p => p.Add(c => c.Name, "counter:9"));

        Assert.Equal(["My counter"], restored);
        Assert.Equal("member-7:counter:9", cut.Find("[data-draft]").GetAttribute("data-draft"));
    }

    [Fact]
    public void A_refusal_is_an_alert_that_takes_the_focus_once()
    {
        var cut = Render<FormProblem>(p => p.Add(c => c.Message, "Slow down: try again in 40 seconds. Your text is kept."));

        var alert = cut.Find("[role='alert']");
        Assert.Equal("-1", alert.GetAttribute("tabindex"));
        Assert.Contains("try again in 40 seconds", alert.TextContent, StringComparison.Ordinal);
        Assert.Equal(cut.Instance.Id, JSInterop.VerifyInvoke("conflictForum.focusById").Arguments[0]);

        cut.Render(p => p.Add(c => c.Message, "Slow down: try again in 40 seconds. Your text is kept."));
        JSInterop.VerifyInvoke("conflictForum.focusById", calledTimes: 1);
        cut.Render(p => p.Add(c => c.Message, "That comment is locked."));
        JSInterop.VerifyInvoke("conflictForum.focusById", calledTimes: 2);
        cut.Render(p => p.Add(c => c.Message, null));
        Assert.Empty(cut.FindAll("[role='alert']"));
    }
}
