using Bunit;
using ConflictForum.Features.Content;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Components;

/// <summary>The placeholder and the flag form, rendered on the real services of a running app.</summary>
public sealed class ModerationComponentTests : ForumAppComponentTest
{
    private static HiddenNotice Notice(bool showContent, bool canAppeal = false) =>
        new(ContentKind.Comment, 7, "Personal information", Automatic: false, showContent, canAppeal, null);

    [Fact]
    public void Readers_get_the_moderator_s_reason_in_place_of_the_content()
    {
        var cut = Render<HiddenContent>(p => p.Add(c => c.Notice, Notice(showContent: false))
            .AddChildContent("<p>12 Elm Road</p>"));

        Assert.Equal("Hidden by a moderator: Personal information", cut.Find(".mud-alert-message").TextContent.Trim());
        Assert.DoesNotContain("Elm Road", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void The_author_reads_the_hidden_content_set_apart_and_may_appeal_once()
    {
        var cut = Render<HiddenContent>(p => p.Add(c => c.Notice, Notice(showContent: true, canAppeal: true))
            .AddChildContent("<p>12 Elm Road</p>"));

        Assert.Contains("Only moderators and the author see this.",
            cut.Find("[data-testid='hidden-content']").TextContent, StringComparison.Ordinal);
        Assert.Contains("12 Elm Road", cut.Markup, StringComparison.Ordinal);
        cut.Find("button").Click();
        Assert.Equal("appeal-Comment-7", cut.Find("textarea").Id);
        Assert.Equal("Why should it be shown again?", cut.Find("label[for='appeal-Comment-7']").TextContent.Trim());
        Assert.Contains("Send appeal", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_signed_in_members_in_good_standing_who_did_not_write_it_are_offered_the_flag()
    {
        Assert.Empty(Render(Flag(ForumActor.Anonymous)).FindAll("[data-testid='flag']"));
        Assert.Empty(Render(Flag(new ForumActor("author", "Author", false, false, null))).FindAll("[data-testid='flag']"));
        Assert.Empty(Render(Flag(new ForumActor("other", "Other", false, false, null, SuspendedUntil: DateTime.MaxValue)))
            .FindAll("[data-testid='flag']"));

        var offered = Render(Flag(new ForumActor("other", "Other", false, false, null)));
        offered.Find("[data-testid='flag']").Click();
        var form = offered.Find("[data-testid='flag-form']");
        foreach (var reason in new[] { "Abuse or harassment", "Spam", "Personal information", "Off-topic", "Other" })
            Assert.Contains(reason, form.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_too_new_to_flag_is_not_offered_the_flag()
    {
        var voting = Microsoft.Extensions.Options.Options.Create(
            new ConflictForum.Features.Deliberation.VotingOptions { MinimumAccountAge = TimeSpan.FromDays(1) });
        Services.AddSingleton(new ConflictForum.Features.ForumGuardian(App.Services.GetRequiredService<TimeProvider>(), voting));
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Assert.Empty(Render(Flag(new ForumActor("newcomer", "Newcomer", false, false, now.AddHours(-2)))).FindAll("[data-testid='flag']"));
        Assert.NotEmpty(Render(Flag(new ForumActor("regular", "Regular", false, false, now.AddDays(-3)))).FindAll("[data-testid='flag']"));
    }

    /// <summary>A flag button on a comment by "author", as <paramref name="viewer"/> sees it.</summary>
    private static RenderFragment Flag(ForumActor viewer) => builder =>
    {
        builder.OpenComponent<FlagButton>(0);
        builder.AddAttribute(1, nameof(FlagButton.Viewer), viewer);
        builder.AddAttribute(2, nameof(FlagButton.Kind), ContentKind.Comment);
        builder.AddAttribute(3, nameof(FlagButton.ItemId), 7L);
        builder.AddAttribute(4, nameof(FlagButton.AuthorId), "author");
        builder.CloseComponent();
    };
}
