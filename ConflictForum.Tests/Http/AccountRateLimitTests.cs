using System.Net;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

public sealed class AccountRateLimitTests() : ForumAppTest(settings: new Dictionary<string, string?>
{
    ["AbuseLimits:AccountPostsPerMinute"] = "3",
    ["AbuseLimits:ApiRequestsPerMinute"] = "3",
})
{
    [Fact]
    public async Task The_json_api_refuses_a_client_beyond_its_limit_with_retry_after()
    {
        using var client = App.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(new Uri("/api/disputes/999", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }
        using var refused = await client.GetAsync(new Uri("/api/disputes/999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_are_refused_with_a_slow_down_message_while_pages_still_load()
    {
        var site = new SiteClient(App);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (allowed, _) = await site.SignInAsync("nobody@example.test", "not the password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var (refused, html) = await site.SignInAsync("nobody@example.test", "not the password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Matches("Too many attempts from your network. Slow down and try again in [0-9]+ seconds.", Alert(html));
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Contains("Sign in", await site.GetHtmlAsync("/Account/Login"), StringComparison.Ordinal); // reading is never limited
    }

    [Fact]
    public async Task A_refused_sign_in_is_the_sign_in_page_in_the_site_s_layout_with_the_e_mail_kept_and_never_the_password()
    {
        var site = new SiteClient(App);
        for (var attempt = 0; attempt < 3; attempt++) await site.SignInAsync("ada@example.test", "first guesses 1234");

        var (refused, html) = await site.SignInAsync("ada@example.test", "the secret passphrase 99");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var seconds = (int)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, 60);
        Assert.Contains("<title>Sign in · ConflictForum</title>", html, StringComparison.Ordinal); // the site's page, in its layout
        Assert.Contains("class=\"mud-appbar", html, StringComparison.Ordinal);
        Assert.Equal($"Too many attempts from your network. Slow down and try again in {seconds} seconds.", Alert(html));
        Assert.Matches("<input[^>]*name=\"Input.Email\"[^>]*value=\"ada@example.test\"", html);
        Assert.DoesNotContain("the secret passphrase 99", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal); // the form, ready to send again
    }

    [Fact]
    public async Task The_limit_still_refuses_the_attempt_after_the_last_allowed_one_even_with_the_right_password()
    {
        await BrowserJourney.CreateMemberAsync(App, "Ada Member", "ada@example.test");
        var site = new SiteClient(App);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (allowed, html) = await site.SignInAsync("ada@example.test", "a wrong guess at it");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("do not match an account", html, StringComparison.Ordinal);
        }

        var (refused, _) = await site.SignInAsync("ada@example.test", BrowserJourney.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var cookies = refused.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)
            && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("data-sign-out", await site.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_registration_keeps_the_name_and_e_mail_and_drops_the_passwords()
    {
        var site = new SiteClient(App);
        for (var attempt = 0; attempt < 3; attempt++) await site.SignInAsync("nobody@example.test", "not the password");

        var (refused, html) = await site.RegisterAsync("Grace Hopper", "grace@example.test", "compilers all the way down");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("<title>Create your account · ConflictForum</title>", html, StringComparison.Ordinal);
        Assert.StartsWith("Too many attempts from your network.", Alert(html), StringComparison.Ordinal);
        Assert.Matches("<input[^>]*name=\"Input.DisplayName\"[^>]*value=\"Grace Hopper\"", html);
        Assert.Matches("<input[^>]*name=\"Input.Email\"[^>]*value=\"grace@example.test\"", html);
        Assert.DoesNotContain("compilers all the way down", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_password_posts_count_towards_the_same_limit()
    {
        var site = new SiteClient(App);
        await site.RegisterAndSignInAsync("Limited Guesser", "guesser@example.test", "correct horse battery"); // two posts of three

        var (allowed, html) = await site.SubmitAsync("/Account/Manage/ChangePassword", "change-password",
            ("Input.OldPassword", "first guess at it"), ("Input.NewPassword", "a brand new passphrase"),
            ("Input.ConfirmPassword", "a brand new passphrase"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("That is not your current password.", html, StringComparison.Ordinal);

        var (refused, message) = await site.SubmitAsync("/Account/Manage/ChangePassword", "change-password",
            ("Input.OldPassword", "second guess at it"), ("Input.NewPassword", "a brand new passphrase"),
            ("Input.ConfirmPassword", "a brand new passphrase"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith("Too many attempts from your network.", Alert(message), StringComparison.Ordinal);
        Assert.DoesNotContain("second guess at it", message, StringComparison.Ordinal);
    }

    /// <summary>The text of the page's account message (role=alert).</summary>
    private static string Alert(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html,
            "data-testid=\"account-message\".*?class=\"mud-alert-message\"[^>]*>(.*?)</div>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "The page shows no account message.");
        return System.Text.RegularExpressions.Regex.Replace(match.Groups[1].Value, "<[^>]+>", "").Trim();
    }
}
