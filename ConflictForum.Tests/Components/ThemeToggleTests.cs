using Bunit;
using ConflictForum.Components.Layout;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace ConflictForum.Tests.Components;

public sealed class ThemeToggleTests : ForumComponentTest
{
    [Fact]
    public void Interactive_toggle_switches_at_once_and_remembers_the_choice_in_the_browser()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var dark = false;
        var toggle = Render<ThemeToggle>(p => p
            .Add(t => t.IsDarkMode, false)
            .Add(t => t.IsDarkModeChanged, value => dark = value));

        Assert.Equal("Switch to dark theme", toggle.Find("button").GetAttribute("aria-label"));
        toggle.Find("button").Click();

        Assert.True(dark);
        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "conflictForum.rememberTheme");
        Assert.Equal("dark", call.Arguments[0]);
        Assert.Empty(toggle.FindAll("form"));
    }

    [Fact]
    public void Static_page_toggle_is_a_form_that_posts_the_other_theme()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var toggle = Render<ThemeToggle>(p => p.Add(t => t.IsDarkMode, true));

        var form = toggle.Find("form");
        Assert.Equal("preferences/theme", form.GetAttribute("action"));
        Assert.Equal("light", form.QuerySelector("input[name='theme']")!.GetAttribute("value"));
        Assert.Equal("Switch to light theme", toggle.Find("button[type='submit']").GetAttribute("aria-label"));
    }
}
