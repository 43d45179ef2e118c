using Bunit;
using ConflictForum.Platform.LookAlikes;
using ConflictForum.Tests.Support;
using MudBlazor;

namespace ConflictForum.Tests.Components;

/// <summary>
/// Each look-alike in Platform/LookAlikes beside the MudBlazor component it imitates: their classes must match, so an
/// upgrade of MudBlazor that changes the component's markup fails here instead of silently changing the look.
/// </summary>
public sealed class LookAlikeTests : ForumComponentTest
{
    private static readonly string[] OwnClasses = ["cf-nav-button", "cf-drawer", "active"];

    [Fact]
    public void Submit_nav_link_has_the_classes_of_MudNavLink()
    {
        var mud = Render<MudNavLink>(p => p.Add(l => l.Href, "elsewhere").Add(l => l.Icon, Icons.Material.Outlined.Logout)
            .AddChildContent("Sign out"));
        var lookAlike = Render<LookAlikeSubmitNavLink>(p => p.Add(l => l.Icon, Icons.Material.Outlined.Logout).AddChildContent("Sign out"));

        var link = mud.Find(".mud-nav-link");
        var button = lookAlike.Find("button[type='submit']");
        Assert.Equal(Classes(link), Classes(button));
        Assert.Equal(Classes(link.QuerySelector("svg")!), Classes(button.QuerySelector("svg")!));
        Assert.Equal(Classes(link.QuerySelector(".mud-nav-link-text")!), Classes(button.QuerySelector(".mud-nav-link-text")!));
        Assert.Equal(link.QuerySelector("svg")!.InnerHtml, button.QuerySelector("svg")!.InnerHtml);
        Assert.Equal("Sign out", button.TextContent.Trim());
    }

    [Fact]
    public void Drawer_has_the_classes_of_MudDrawer_but_its_open_state()
    {
        var mud = Render<MudDrawer>(p => p.Add(d => d.Fixed, true).Add(d => d.Anchor, Anchor.Left)
            .Add(d => d.Variant, DrawerVariant.Responsive)
            .Add(d => d.ClipMode, DrawerClipMode.Always).Add(d => d.Elevation, 1).Add(d => d.Open, true).AddChildContent("Menu"));
        var lookAlike = Render<LookAlikeDrawer>(p => p.Add(d => d.Id, "cf-drawer")
            .Add(d => d.Label, "Site navigation").AddChildContent("Menu"));

        var drawer = mud.Find(".mud-drawer");
        var aside = lookAlike.Find("aside");
        // The state MudDrawer works out from the viewport (open or closed; fixed below its breakpoint) is app.css's on the
        // look-alike, which always carries mud-drawer-fixed and lets the screen's width decide the rest.
        Assert.Equal(new SortedSet<string>(Classes(drawer)
                .Where(c => !c.StartsWith("mud-drawer--", StringComparison.Ordinal) && c != "mud-drawer-md"), StringComparer.Ordinal),
            new SortedSet<string>(Classes(aside).Where(c => c != "mud-drawer-fixed"), StringComparer.Ordinal));
        Assert.Equal(Classes(drawer.QuerySelector(".mud-drawer-content")!), Classes(aside.QuerySelector(".mud-drawer-content")!));
    }

    /// <summary>An element's classes as a set, without those the site adds itself (app.css) or a link gets from where it is.</summary>
    private static SortedSet<string> Classes(AngleSharp.Dom.IElement element) =>
        new(element.ClassList.Except(OwnClasses), StringComparer.Ordinal);
}
