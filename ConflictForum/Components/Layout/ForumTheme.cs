using MudBlazor;

namespace ConflictForum.Components.Layout;

/// <summary>The site's palette and type, shared by interactive and static (account) pages.</summary>
/// <remarks>
/// Both palettes are written into every page by <c>App.razor</c>, outside any circuit: the light one on <c>:root</c>, the
/// dark one on <c>:root.cf-dark</c>. Switching is a class on the root element; no circuit holds the theme's 10 KB of CSS
/// (a <c>MudThemeProvider</c> in the layout did, twice, in every open page).
/// </remarks>
public static class ForumTheme
{
    /// <summary>The class on the root element that selects the dark palette (site.js sets it when the reader switches).</summary>
    public const string DarkClass = "cf-dark";

    private const string DarkInk = "#10121c";

    private static readonly string[] FontStack =
        ["Inter", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = Create(":root");

    /// <summary>The same theme with its variables scoped to <c>:root.cf-dark</c>, for the dark palette.</summary>
    public static MudTheme DarkScoped { get; } = Create($":root.{DarkClass}");

    private static MudTheme Create(string scope) => new()
    {
        PseudoCss = new PseudoCss { Scope = scope },
        PaletteLight = Light(),
        PaletteDark = Dark(),
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack },
            H2 = new H2Typography { FontFamily = FontStack },
            H3 = new H3Typography { FontFamily = FontStack },
            H4 = new H4Typography { FontFamily = FontStack, FontWeight = "600" },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };

    // Every colour reads at 4.5:1 or more (WCAG AA) as text on the page and on its own tint (alerts, outlined chips), and
    // under its contrast text on a filled chip or button: MudBlazor's defaults (success #00c853, warning #ff9800) fall
    // to about 2:1 on white. The secondary text is darker than MudBlazor's for the same reason (4.45:1 on the background).
    private static PaletteLight Light() => new()
    {
        Primary = "#3949ab",
        Secondary = "#00796b",
        Tertiary = "#c2185b",
        Success = "#2e7d32",
        Warning = "#a45a00",
        Error = "#c62828",
        Info = "#1565c0",
        TextSecondary = "#5f6368",
        AppbarBackground = "#283593",
        Background = "#f5f6fa",
        DrawerBackground = "#ffffff",
    };

    // Light colours on a dark page: white text on them fails (2.5:1 on the primary), so filled chips and buttons write in
    // a near-black, and the "darken" shades (alert text, filled hover) are lighter still, to read on the dark page.
    private static PaletteDark Dark() => new()
    {
        Primary = "#8c9eff",
        PrimaryContrastText = DarkInk,
        PrimaryDarken = "#a8b6ff",
        Secondary = "#4db6ac",
        SecondaryContrastText = DarkInk,
        SecondaryDarken = "#80cbc4",
        Tertiary = "#f48fb1",
        TertiaryContrastText = DarkInk,
        TertiaryDarken = "#f8bbd0",
        Success = "#66bb6a",
        SuccessContrastText = DarkInk,
        SuccessDarken = "#a5d6a7",
        Warning = "#ffb74d",
        WarningContrastText = DarkInk,
        WarningDarken = "#ffcc80",
        Error = "#ff8a80",
        ErrorContrastText = DarkInk,
        ErrorDarken = "#ffab91",
        Info = "#64b5f6",
        InfoContrastText = DarkInk,
        InfoDarken = "#90caf9",
        AppbarBackground = "#1a1d2e",
        Background = "#121420",
        Surface = "#1c1f2e",
        DrawerBackground = "#171a28",
    };
}
