using ConflictForum.Platform;
namespace ConflictForum.Components;

/// <summary>
/// The light/dark choice, remembered per browser in a cookie so the server renders the right theme from the first
/// byte (no flash). Interactive pages set the cookie from script; static pages post to <see cref="Endpoint"/>.
/// </summary>
public sealed record ThemePreference(bool IsDarkMode)
{
    public const string CookieName = "cf-theme";
    public const string Endpoint = "/preferences/theme";

    public static bool IsDark(HttpRequest request) => request.Cookies[CookieName] == "dark";

    /// <summary>Whether the reader picked a theme; until then the page follows the system's (js/theme.js).</summary>
    public static bool HasChosen(HttpRequest request) => request.Cookies[CookieName] is "dark" or "light";

    public static IEndpointConventionBuilder MapThemeEndpoint(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Endpoint, (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string theme,
            [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            context.Response.Cookies.Append(CookieName, theme == "dark" ? "dark" : "light", new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                HttpOnly = false,
                Path = "/",
            });
            return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        });
}
