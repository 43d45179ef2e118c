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

    private static readonly string[] FontStack =
        ["Inter", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = Create(":root");

    /// <summary>The same theme with its variables scoped to <c>:root.cf-dark</c>, for the dark palette.</summary>
    public static MudTheme DarkScoped { get; } = Create($":root.{DarkClass}");

    private static MudTheme Create(string scope) => new()
    {
        PseudoCss = new PseudoCss { Scope = scope },
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            Tertiary = "#c2185b",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#4db6ac",
            Tertiary = "#f48fb1",
            AppbarBackground = "#1a1d2e",
            Background = "#121420",
            Surface = "#1c1f2e",
            DrawerBackground = "#171a28",
        },
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
}
