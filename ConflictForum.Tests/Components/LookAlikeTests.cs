using Bunit;
using ConflictForum.Platform.LookAlikes;
using ConflictForum.Tests.Support;
using MudBlazor;

namespace ConflictForum.Tests.Components;

/// <summary>
/// Each look-alike in Platform/LookAlikes (the components and LookAlikeClasses) beside the MudBlazor component it
/// imitates: their classes must match, so an upgrade of MudBlazor that changes the component's markup fails here
/// instead of silently changing the look.
/// </summary>
public sealed class LookAlikeTests : ForumComponentTest
{
    private static readonly string[] IconAttributes = ["viewBox", "focusable", "aria-hidden", "role"];
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

    [Theory]
    [InlineData(Typo.body2, "mb-2 mud-text-secondary")]
    [InlineData(Typo.h6, "mb-1")]
    [InlineData(Typo.caption, null)]
    public void Text_has_the_classes_of_MudText(Typo typo, string? extra)
    {
        var mud = Render<MudText>(p => p.Add(t => t.Typo, typo).Add(t => t.Class, extra).AddChildContent("x"));
        Assert.Equal(Classes(mud.Find("*")), Classes(LookAlikeClasses.Text(typo, extra)));
    }

    [Fact]
    public void Row_has_the_classes_of_a_row_MudStack()
    {
        var mud = Render<MudStack>(p => p.Add(s => s.Row, true).Add(s => s.AlignItems, AlignItems.Center).Add(s => s.Wrap, Wrap.Wrap)
            .Add(s => s.Spacing, 1).Add(s => s.Class, "mb-2").AddChildContent("x"));
        Assert.Equal(Classes(mud.Find("*")), Classes(LookAlikeClasses.Row(1, AlignItems.Center, wrap: true, extra: "mb-2")));
        Assert.Equal("group", mud.Find("*").GetAttribute("role")); // the look-alikes write it too

        var end = Render<MudStack>(p => p.Add(s => s.Row, true).Add(s => s.Justify, Justify.FlexEnd).AddChildContent("x"));
        Assert.Equal(Classes(end.Find("*")), Classes(LookAlikeClasses.Row(justify: Justify.FlexEnd)));
    }

    [Fact]
    public void Paper_has_the_classes_of_MudPaper()
    {
        var raised = Render<MudPaper>(p => p.Add(x => x.Elevation, 1).Add(x => x.Class, "pa-4").AddChildContent("x"));
        Assert.Equal(Classes(raised.Find("*")), Classes(LookAlikeClasses.Paper(extra: "pa-4")));
        var outlined = Render<MudPaper>(p => p.Add(x => x.Outlined, true).Add(x => x.Class, "pa-3 mt-1").AddChildContent("x"));
        Assert.Equal(Classes(outlined.Find("*")), Classes(LookAlikeClasses.Paper(outlined: true, extra: "pa-3 mt-1")));
    }

    [Fact]
    public void Link_has_the_classes_of_MudLink_underlined_on_hover()
    {
        var mud = Render<MudLink>(p => p.Add(l => l.Href, "members/x").Add(l => l.Typo, Typo.body2).Add(l => l.Underline, Underline.Hover)
            .Add(l => l.Class, "ml-1").AddChildContent("x"));
        Assert.Equal(Classes(mud.Find("a")), Classes(LookAlikeClasses.Link(Typo.body2, "ml-1")));
        var plain = Render<MudLink>(p => p.Add(l => l.Href, "members/x").Add(l => l.Underline, Underline.Hover).AddChildContent("x"));
        Assert.Equal(Classes(plain.Find("a")), Classes(LookAlikeClasses.Link(null)));
    }

    [Theory]
    [InlineData(Variant.Filled, Color.Primary, Size.Small)]
    [InlineData(Variant.Outlined, Color.Success, Size.Medium)]
    [InlineData(Variant.Text, Color.Default, Size.Medium)]
    public void Chip_has_the_classes_of_MudChip(Variant variant, Color color, Size size)
    {
        var mud = Render<MudChip<string>>(p => p.Add(c => c.Size, size).Add(c => c.Variant, variant).Add(c => c.Color, color)
            .AddChildContent("claimant"));
        Assert.Equal(["mud-chip-container"], Classes(mud.Find(".mud-chip-container")));
        Assert.Equal(Classes(mud.Find(".mud-chip")), Classes(LookAlikeClasses.Chip(variant, color, size)));
        Assert.Equal("claimant", mud.Find(".mud-chip > .mud-chip-content").TextContent);
    }

    [Fact]
    public void Chip_markup_has_the_shape_of_MudChip_s()
    {
        var mud = Render<MudChip<string>>(p => p.Add(c => c.Variant, Variant.Outlined).Add(c => c.Color, Color.Success)
            .AddChildContent("Open for votes"));
        var ours = Render(LookAlikeMarkup.Chip(LookAlikeClasses.Chip(Variant.Outlined, Color.Success), "Open for votes", "status"));

        Assert.Equal(Shape(mud.Find(".mud-chip-container")), Shape(ours.Find(".mud-chip-container")));
        Assert.Equal("status", ours.Find(".mud-chip").GetAttribute("data-testid"));
    }

    [Fact]
    public void A_comment_head_s_party_badge_written_as_HTML_has_the_shape_and_classes_of_MudChip_s()
    {
        var mud = Render<MudChip<string>>(p => p.Add(c => c.Variant, Variant.Filled).Add(c => c.Color, Color.Primary)
            .Add(c => c.Size, Size.Small).AddChildContent("respondent"));
        var comment = new ConflictForum.Features.Deliberation.CommentView(7, null, "user-1", "Ada Reader",
            ConflictForum.Features.Disputes.PartyRole.Respondent, "<p>Hello</p>", DateTime.UtcNow, false, false, false, false, null);
        var head = Render(ConflictForum.Platform.Markdown.Written(ConflictForum.Features.Deliberation.CommentHead.Of(
            new ConflictForum.Platform.WrittenMarkup(), 3, comment, zone: null)));

        Assert.Equal(Shape(mud.Find(".mud-chip-container")), Shape(head.Find(".mud-chip-container")));
        Assert.Equal(Classes(mud.Find(".mud-chip")), Classes(head.Find(".mud-chip")));
    }

    [Fact]
    public void Button_label_markup_has_the_shape_of_MudButton_s_with_and_without_a_start_icon()
    {
        var plain = Render<MudButton>(p => p.Add(b => b.Size, Size.Small).AddChildContent("Reply"));
        var withIcon = Render<MudButton>(p => p.Add(b => b.Size, Size.Small).Add(b => b.StartIcon, Icons.Material.Outlined.Flag)
            .AddChildContent("Flag"));

        Assert.Equal(Shape(plain.Find(".mud-button-label")), Shape(Render(LookAlikeMarkup.ButtonLabel("Reply")).Find("span")));
        Assert.Equal(Shape(withIcon.Find(".mud-button-label")),
            Shape(Render(LookAlikeMarkup.ButtonLabel("Flag", LookAlikeClasses.IconPaths(Icons.Material.Outlined.Flag))).Find("span")));
        Assert.Equal(withIcon.Find(".mud-button-label").OuterHtml, Render(LookAlikeMarkup.FlagLabel).Find("span").OuterHtml);
        Assert.Equal(plain.Find(".mud-button-label").OuterHtml, Render(LookAlikeMarkup.ReplyLabel).Find("span").OuterHtml);
    }

    [Theory]
    [InlineData(null, "Your reply", true, 3, null, "")]
    [InlineData("Title", null, true, 1, null, "")]
    [InlineData("What exactly each side would do", null, false, 3, "mt-2", "")]
    [InlineData("Title", null, true, 1, null, "Split it")]
    public void Field_markup_has_the_shape_and_the_input_attributes_of_an_outlined_MudTextField(string? label, string? placeholder,
        bool dense, int lines, string? extra, string value)
    {
        var mud = Render<MudTextField<string>>(p => p.Add(t => t.Label, label).Add(t => t.Placeholder, placeholder)
            .Add(t => t.Variant, Variant.Outlined).Add(t => t.Margin, dense ? Margin.Dense : Margin.None).Add(t => t.Lines, lines)
            .Add(t => t.Class, extra).Add(t => t.MaxLength, 120).Add(t => t.InputId, "field").Add(t => t.Value, value));
        var classes = LookAlikeClasses.OutlinedField(dense, labelled: label is not null, extra);
        var tag = lines > 1 ? "textarea" : "input";
        var ours = Render(LookAlikeMarkup.Field(classes, shrink: value.Length > 0 || placeholder is not null, label, "field", b =>
        {
            b.OpenElement(0, tag);
            b.AddAttribute(1, "class", classes.Input);
            if (lines > 1) b.AddAttribute(2, "rows", lines);
            b.AddAttribute(3, "aria-invalid", "false");
            b.AddAttribute(4, "aria-required", "false");
            b.AddAttribute(5, "id", "field");
            b.AddAttribute(6, "type", "text");
            b.AddAttribute(7, "placeholder", placeholder);
            b.AddAttribute(8, "inputmode", "text");
            b.AddAttribute(9, "maxlength", 120);
            b.AddAttribute(10, "value", value);
            b.CloseElement();
        }));

        // MudBlazor's input keeps a hidden element beside it (display:none) for what this page never uses (a mask).
        foreach (var hidden in mud.FindAll("[style='display:none']")) hidden.Remove();
        Assert.Equal(Shape(mud.Find(".mud-input-control")), Shape(ours.Find(".mud-input-control")));
        var (theirs, mine) = (mud.Find(tag), ours.Find(tag));
        Assert.Equal(theirs.Attributes.Where(a => !a.Name.StartsWith("blazor:", StringComparison.Ordinal)).Select(a => (a.Name, a.Value)),
            mine.Attributes.Select(a => (a.Name, a.Value)));
        Assert.Equal(mud.Find(".mud-input-control").QuerySelector("label")?.GetAttribute("for"),
            ours.Find(".mud-input-control").QuerySelector("label")?.GetAttribute("for"));
    }

    /// <summary>An element's tags, classes and text, nested as rendered: what a reader's eye and the theme's CSS see.</summary>
    private static string Shape(AngleSharp.Dom.INode node) => node switch
    {
        AngleSharp.Dom.IElement e => $"<{e.LocalName} {string.Join(' ', Classes(e))} d={e.GetAttribute("d")}>"
            + string.Concat(e.ChildNodes.Select(Shape)) + $"</{e.LocalName}>",
        _ => node.TextContent.Trim(),
    };

    [Theory]
    [InlineData(Variant.Text, Color.Default, Size.Small)]
    [InlineData(Variant.Outlined, Color.Primary, Size.Medium)]
    [InlineData(Variant.Filled, Color.Primary, Size.Medium)]
    [InlineData(Variant.Filled, Color.Primary, Size.Small)]
    [InlineData(Variant.Outlined, Color.Default, Size.Small)]
    public void Button_has_the_classes_of_MudButton(Variant variant, Color color, Size size)
    {
        var mud = Render<MudButton>(p => p.Add(b => b.Variant, variant).Add(b => b.Color, color).Add(b => b.Size, size)
            .AddChildContent("Reply"));
        Assert.Equal(Classes(mud.Find("button")), Classes(LookAlikeClasses.Button(variant, color, size)));
        Assert.Equal("Reply", mud.Find("button > .mud-button-label").TextContent);
    }

    [Fact]
    public void Small_button_s_start_icon_has_the_classes_of_MudButton_s()
    {
        var mud = Render<MudButton>(p => p.Add(b => b.Variant, Variant.Text).Add(b => b.Size, Size.Small)
            .Add(b => b.StartIcon, Icons.Material.Outlined.Flag)
            .AddChildContent("Flag"));
        var icon = mud.Find(".mud-button-label > span");
        Assert.Equal(Classes(icon), Classes(LookAlikeClasses.SmallStartIcon));
        Assert.Equal(Classes(icon.QuerySelector("svg")!), Classes(LookAlikeClasses.SmallIconSvg));
        Assert.Equal(["0 0 24 24", "false", "true", "img"],
            IconAttributes.Select(a => icon.QuerySelector("svg")!.GetAttribute(a)));
        foreach (var name in new[] { Icons.Material.Outlined.Flag, Icons.Material.Outlined.VerifiedUser })
        {
            var rendered = Render<MudIcon>(p => p.Add(i => i.Icon, name)).FindAll("svg > path");
            Assert.Equal(rendered.Select(p => new IconPath(p.GetAttribute("d")!, p.GetAttribute("fill"))),
                LookAlikeClasses.IconPaths(name));
        }
    }

    [Fact]
    public void Timeline_has_the_classes_of_MudTimeline_and_its_items()
    {
        var mud = Render<MudTimeline>(p => p.Add(t => t.TimelinePosition, TimelinePosition.Start).Add(t => t.Class, "cf-timeline")
            .AddChildContent<MudTimelineItem>(i => i.Add(x => x.Color, Color.Info).Add(x => x.Size, Size.Small).AddChildContent("x")));
        Assert.Equal(Classes(mud.Find(".mud-timeline")), Classes(LookAlikeClasses.Timeline("cf-timeline")));
        Assert.Equal(Classes(mud.Find(".mud-timeline-item")), Classes(LookAlikeClasses.TimelineItem));
        Assert.Equal(["mud-timeline-item-content", "mud-timeline-item-divider"],
            mud.Find(".mud-timeline-item").Children.Select(c => c.ClassName));
        Assert.Equal(Classes(mud.Find(".mud-timeline-item-divider > div")), Classes(LookAlikeClasses.TimelineDot));
        Assert.Equal(Classes(mud.Find(".mud-timeline-item-dot > div")), Classes(LookAlikeClasses.TimelineDotInner(Color.Info)));
    }

    [Fact]
    public void Grid_has_the_classes_of_MudGrid_and_MudItem()
    {
        var mud = Render<MudGrid>(p => p.Add(g => g.Spacing, 3).Add(g => g.Class, "mb-4")
            .AddChildContent<MudItem>(i => i.Add(x => x.xs, 12).Add(x => x.md, 7).AddChildContent("x")));
        Assert.Equal(Classes(mud.Find(".mud-grid")), Classes(LookAlikeClasses.Grid(3, "mb-4")));
        Assert.Equal(Classes(mud.Find(".mud-grid-item")), Classes(LookAlikeClasses.GridItem(7)));
    }

    [Fact]
    public void Container_has_the_classes_of_MudContainer()
    {
        foreach (var width in new[] { MaxWidth.Small, MaxWidth.Medium, MaxWidth.Large, MaxWidth.ExtraLarge })
        {
            var mud = Render<MudContainer>(p => p.Add(c => c.MaxWidth, width).Add(c => c.Class, "py-6").AddChildContent("x"));
            Assert.Equal(Classes(mud.Find("div")), Classes(LookAlikeClasses.Container(width, "py-6")));
        }
    }

    [Fact]
    public void Spacer_is_MudSpacer_s_markup()
    {
        var mud = Render<MudSpacer>();
        Assert.Equal(["flex-grow-1"], Classes(mud.Find("div")));
        Assert.Equal("true", mud.Find("div").GetAttribute("aria-hidden"));
    }

    /// <summary>A look-alike's class list as a set.</summary>
    private static SortedSet<string> Classes(string classList) =>
        new(classList.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>An element's classes as a set, without those the site adds itself (app.css) or a link gets from where it is.</summary>
    private static SortedSet<string> Classes(AngleSharp.Dom.IElement element) =>
        new(element.ClassList.Except(OwnClasses), StringComparer.Ordinal);
}
