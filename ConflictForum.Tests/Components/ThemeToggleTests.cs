using Bunit;
using ConflictForum.Components.Layout;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Components;

/// <summary>The markup the server writes; switching in place is site.js's, checked in a real browser (AccountJourneyTests).</summary>
public sealed class ThemeToggleTests : ForumComponentTest
{
    [Theory]
    [InlineData(false, "dark")]
    [InlineData(true, "light")]
    public void Toggle_is_a_form_that_posts_the_other_theme(bool isDarkMode, string other)
    {
        var toggle = Render<ThemeToggle>(p => p.Add(t => t.IsDarkMode, isDarkMode));

        var form = toggle.Find("form[data-theme-toggle]");
        Assert.Equal("preferences/theme", form.GetAttribute("action"));
        Assert.Equal(other, form.QuerySelector("input[name='theme']")!.GetAttribute("value"));
        Assert.Equal($"Switch to {other} theme", toggle.Find("button[type='submit']").GetAttribute("aria-label"));
    }
}
