using MudBlazor;
using MudBlazor.Utilities;

namespace ConflictForum.Platform.LookAlikes;

/// <summary>
/// MudBlazor's class lists for plain elements that stand in for MudText, MudStack, MudPaper, MudLink, MudChip, MudButton,
/// MudContainer, MudTimelineItem and MudTextField on a signed-in member's page (LookAlikeTests compares each with the
/// component it imitates). Why rendered by hand: a member's page is a circuit that lives as long as the tab, and each
/// MudBlazor component in it is a component instance with its own render buffers, parameter state and attribute
/// dictionaries, held for every open page (CircuitDisputeUpdates states the rules of live pages). Callers keep the results
/// in static fields: one string for every page, not one per render.
/// </summary>
public static partial class LookAlikeClasses
{
    /// <summary>MudText with <paramref name="typo"/> and <paramref name="extra"/> classes.</summary>
    public static string Text(Typo typo, string? extra = null) =>
        new CssBuilder("mud-typography").AddClass($"mud-typography-{typo}").AddClass(extra).Build();

    /// <summary>A row MudStack (MudStack also writes role="group").</summary>
    public static string Row(int spacing = 3, AlignItems? align = null, Justify? justify = null, bool wrap = false, string? extra = null) =>
        new CssBuilder("d-flex flex-row")
            .AddClass(align switch
            {
                AlignItems.Center => "align-center",
                AlignItems.Start => "align-start",
                AlignItems.End => "align-end",
                _ => null,
            })
            .AddClass(justify switch
            {
                Justify.FlexEnd => "justify-end",
                Justify.Center => "justify-center",
                Justify.SpaceBetween => "justify-space-between",
                _ => null,
            })
            .AddClass("flex-wrap", wrap)
            .AddClass($"gap-{spacing}")
            .AddClass(extra)
            .Build();

    /// <summary>MudPaper, raised by <paramref name="elevation"/> or outlined.</summary>
    public static string Paper(int elevation = 1, bool outlined = false, string? extra = null) =>
        new CssBuilder("mud-paper").AddClass("mud-paper-outlined", outlined).AddClass($"mud-elevation-{elevation}", !outlined)
            .AddClass(extra).Build();

    /// <summary>MudLink in the primary colour, underlined on hover; with no <paramref name="typo"/> given, it names none.</summary>
    public static string Link(Typo? typo, string? extra = null) =>
        new CssBuilder("mud-typography mud-link mud-primary-text mud-link-underline-hover")
            .AddClass($"mud-typography-{typo}", typo is not null).AddClass(extra).Build();

    /// <summary>MudIconButton in the colour of the text around it (its icon a MudIcon inside).</summary>
    public static string IconButton(string? extra = null) =>
        new CssBuilder("mud-button-root mud-icon-button mud-inherit-text").AddClass(extra).Build();

    /// <summary>MudChip's inner element (inside a <c>mud-chip-container</c> div, its content in a <c>mud-chip-content</c> span).</summary>
    public static string Chip(Variant variant, Color color, Size size = Size.Medium) =>
        new CssBuilder("mud-chip")
            .AddClass($"mud-chip-{(variant == Variant.Text ? "text" : variant.ToString().ToLowerInvariant())}")
            .AddClass($"mud-chip-size-{size.ToString().ToLowerInvariant()}")
            .AddClass($"mud-chip-color-{color.ToString().ToLowerInvariant()}")
            .Build();

    /// <summary>MudButton (its label in a <c>mud-button-label</c> span).</summary>
    public static string Button(Variant variant, Color color = Color.Default, Size size = Size.Medium, string? extra = null)
    {
        var v = variant.ToString().ToLowerInvariant();
        return new CssBuilder("mud-button-root mud-button")
            .AddClass($"mud-button-{v}")
            .AddClass($"mud-button-{v}-{color.ToString().ToLowerInvariant()}")
            .AddClass($"mud-button-{v}-size-{size.ToString().ToLowerInvariant()}")
            .AddClass("mud-ripple")
            .AddClass(extra)
            .Build();
    }

    /// <summary>A small MudButton's start icon: the span around it and the svg's classes.</summary>
    public const string SmallStartIcon = "mud-button-icon-start mud-button-icon-size-small";

    /// <inheritdoc cref="SmallStartIcon"/>
    public const string SmallIconSvg = "mud-icon-root mud-svg-icon mud-icon-size-small";

    /// <summary>An outlined MudTextField, dense or not, with a label or only a placeholder, and extra classes on its control.</summary>
    public static FieldClasses OutlinedField(bool dense, bool labelled, string? extra = null)
    {
        var frame = new CssBuilder("mud-input mud-input-outlined").AddClass("mud-input-outlined-with-label", labelled)
            .AddClass("mud-input-margin-dense", dense);
        return new FieldClasses(
            new CssBuilder("mud-input-control").AddClass("mud-input-control-margin-dense", dense)
                .AddClass("mud-input-outlined-with-label", labelled).AddClass("mud-input-input-control mud-input-sizing-fixed")
                .AddClass(extra).Build(),
            new CssBuilder(frame.Build()).AddClass("mud-typography-subtitle1 mud-input-sizing-fixed").Build(),
            frame.AddClass("mud-shrink mud-typography-subtitle1 mud-input-sizing-fixed").Build(),
            new CssBuilder("mud-input-slot mud-input-root mud-input-root-outlined").AddClass("mud-input-root-margin-dense", dense).Build(),
            new CssBuilder("mud-input-label mud-input-label-animated mud-input-label-outlined")
                .AddClass("mud-input-label-margin-dense", dense).AddClass("mud-input-label-inputcontrol").Build());
    }

    /// <summary>MudContainer up to <paramref name="maxWidth"/> (small to extra large), with its gutters.</summary>
    public static string Container(MaxWidth maxWidth, string? extra = null) =>
        new CssBuilder("mud-container").AddClass($"mud-container-maxwidth-{maxWidth switch
        {
            MaxWidth.Small => "sm",
            MaxWidth.Medium => "md",
            MaxWidth.ExtraLarge => "xl",
            _ => "lg",
        }}").AddClass("mud-container--gutters").AddClass(extra).Build();

    /// <summary>MudGrid with <paramref name="spacing"/>.</summary>
    public static string Grid(int spacing, string? extra = null) =>
        new CssBuilder($"mud-grid mud-grid-spacing-xs-{spacing} justify-start").AddClass(extra).Build();

    /// <summary>MudItem, full width on small screens and <paramref name="md"/> columns from medium up.</summary>
    public static string GridItem(int md) => $"mud-grid-item mud-grid-item-xs-12 mud-grid-item-md-{md}";

    /// <summary>
    /// The paths of a MudBlazor icon (its SVG's inner markup: <c>path</c> elements with <c>d</c> and maybe <c>fill</c>), to
    /// render as elements: only Markdown turns a string into markup.
    /// </summary>
    public static IReadOnlyList<IconPath> IconPaths(string icon) =>
        [.. PathPattern().Matches(icon)
            .Select(m => new IconPath(m.Groups["d"].Value, m.Groups["fill"].Success ? m.Groups["fill"].Value : null))];

    [System.Text.RegularExpressions.GeneratedRegex("""<path d="(?<d>[^"]*)"(?: fill="(?<fill>[^"]*)")?\s*/>""")]
    private static partial System.Text.RegularExpressions.Regex PathPattern();

    /// <summary>A vertical MudTimeline at the start, with <paramref name="extra"/> classes.</summary>
    public static string Timeline(string? extra = null) =>
        new CssBuilder("mud-timeline mud-timeline-vertical mud-timeline-position-start mud-timeline-align-default mud-timeline-modifiers")
            .AddClass(extra).Build();

    /// <summary>MudTimelineItem (content, then a divider holding the dot, then the coloured inner dot).</summary>
    public const string TimelineItem = "mud-timeline-item mud-timeline-item-default";

    /// <inheritdoc cref="TimelineItem"/>
    public const string TimelineDot = "mud-timeline-item-dot mud-timeline-dot-size-small mud-elevation-1";

    /// <summary>The inner dot of a small MudTimelineItem in <paramref name="color"/>.</summary>
    public static string TimelineDotInner(Color color) =>
        $"mud-timeline-item-dot-inner mud-timeline-dot-{color.ToString().ToLowerInvariant()}";
}
