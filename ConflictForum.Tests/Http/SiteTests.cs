using System.Net;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

public sealed class SiteTests : ForumAppTest
{
    [Fact]
    public async Task Home_page_says_what_the_forum_is_for_and_offers_sign_in()
    {
        var (status, html) = await GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>ConflictForum · settle disputes in the open</title>", html, StringComparison.Ordinal);
        Assert.Contains("Settle it in the open.", html, StringComparison.Ordinal);
        Assert.Contains("vote on who is at fault", html, StringComparison.Ordinal);
        Assert.Contains("href=\"Account/Register\"", html, StringComparison.Ordinal);
        Assert.Contains("_content/MudBlazor/MudBlazor.min", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bootstrap", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_the_page_itself_goes_live_the_home_page_and_the_layout_are_plain_html()
    {
        var (_, home) = await GetPageAsync("/");
        var (_, list) = await GetPageAsync("/disputes");

        // A server component marker is where the browser opens a circuit: none for the home page, one for the list
        // (the page alone, not the menu or the head around it).
        Assert.Empty(ServerComponentMarkers(home));
        var marker = Assert.Single(ServerComponentMarkers(list));
        Assert.Contains("Disputes</h1>", list[marker..], StringComparison.Ordinal);
        Assert.Contains("Toggle navigation", list[..marker], StringComparison.Ordinal);
    }

    private static IEnumerable<int> ServerComponentMarkers(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, @"<!--Blazor:\{""type"":""server""").Select(m => m.Index);

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        using var response = await App.CreateBrowserLikeClient().GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal(ConflictForum.Components.SecurityHeaders.ContentSecurityPolicy,
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", ConflictForum.Components.SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Unknown_address_gets_a_friendly_404_page()
    {
        var (status, html) = await GetPageAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("We can't find that page", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_reports_healthy_when_the_database_answers()
    {
        var client = App.CreateBrowserLikeClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dark_theme_choice_is_remembered_by_the_browser_and_rendered_by_the_server()
    {
        var site = new SiteClient(App);
        // Until the reader chooses, the page follows the system's preference.
        Assert.Contains("content=\"light dark\"", await site.GetHtmlAsync("/"), StringComparison.Ordinal);

        var (response, html) = await site.SubmitThemeAsync("dark");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("content=\"dark\"", html, StringComparison.Ordinal);
        Assert.Contains("Switch to light theme", await site.GetHtmlAsync("/Account/Login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_assets_are_served_from_the_top_level_web_root()
    {
        var client = App.CreateBrowserLikeClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(app[^\"]*\\.css)\"").Groups[1].Value;

        Assert.NotEmpty(css);
        Assert.Contains(".cf-field__input", await client.GetStringAsync(new Uri("/" + css, UriKind.Relative)), StringComparison.Ordinal);
    }
}
