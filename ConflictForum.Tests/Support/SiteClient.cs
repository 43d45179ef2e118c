using System.Net;
using System.Text.RegularExpressions;

namespace ConflictForum.Tests.Support;

/// <summary>
/// Drives the statically rendered account pages over HTTP the way a browser without script would:
/// GET the page, then POST its form with the antiforgery token and Blazor's form handler name.
/// </summary>
public sealed partial class SiteClient(ForumAppFactory app)
{
    public HttpClient Http { get; } = app.CreateBrowserLikeClient();

    public async Task<string> GetHtmlAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Submits form <paramref name="formName"/> on <paramref name="path"/>; returns the page shown after redirects.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(string path, string formName,
        params (string Name, string Value)[] fields)
    {
        var page = await GetRawAsync(path);
        var form = new List<KeyValuePair<string, string>>(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)))
        {
            new("_handler", formName),
            new("__RequestVerificationToken", AntiforgeryToken(page)),
        };
        var response = await Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public Task<(HttpResponseMessage Response, string Html)> RegisterAsync(string displayName, string email, string password) =>
        SubmitAsync("/Account/Register", "register",
            ("Input.DisplayName", displayName), ("Input.Email", email), ("Input.Password", password), ("Input.ConfirmPassword", password));

    public async Task<string> ConfirmFromMailAsync(string email)
    {
        var link = app.Mail.LinkIn(email, "Confirm");
        return await GetHtmlAsync(link.PathAndQuery);
    }

    public Task<(HttpResponseMessage Response, string Html)> SignInAsync(string email, string password) =>
        SubmitAsync("/Account/Login", "login", ("Input.Email", email), ("Input.Password", password));

    /// <summary>Signs in without following the redirect and returns the auth cookie a browser would store.</summary>
    public async Task<string> SignInCookieAsync(string email, string password)
    {
        using var client = app.CreateBrowserLikeClient(followRedirects: false);
        var token = AntiforgeryToken(await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative)));
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("_handler", "login"), new("__RequestVerificationToken", token),
            new("Input.Email", email), new("Input.Password", password),
        ]));
        return response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal))
            .Split(';')[0];
    }

    /// <summary>Registers, confirms from the mailed link and signs in.</summary>
    public async Task<string> RegisterAndSignInAsync(string displayName, string email, string password)
    {
        await RegisterAsync(displayName, email, password);
        await ConfirmFromMailAsync(email);
        var (_, html) = await SignInAsync(email, password);
        return html;
    }

    public async Task<string> SignOutAsync() => (await SignOutAsync("/")).Html;

    /// <summary>Posts the sign-out form with <paramref name="returnUrl"/> as its return address.</summary>
    public Task<(HttpResponseMessage Response, string Html)> SignOutAsync(string returnUrl) =>
        PostFromHomeAsync("/Account/Logout", ("ReturnUrl", returnUrl));

    public Task<(HttpResponseMessage Response, string Html)> SubmitThemeAsync(string theme, string returnUrl = "/") =>
        PostFromHomeAsync("/preferences/theme", ("theme", theme), ("returnUrl", returnUrl));

    /// <summary>Posts one of the layout's plain forms (sign-out, theme), as from the home page.</summary>
    private async Task<(HttpResponseMessage Response, string Html)> PostFromHomeAsync(string action,
        params (string Name, string Value)[] fields)
    {
        var page = await GetRawAsync("/");
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", AntiforgeryToken(page)));
        var response = await Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(form));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<string> GetRawAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }

    private static string AntiforgeryToken(string html)
    {
        var match = Token().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
