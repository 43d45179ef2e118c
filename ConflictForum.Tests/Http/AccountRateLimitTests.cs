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

        var (refused, message) = await site.SignInAsync("nobody@example.test", "not the password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith("Too many attempts from your network. Slow down and try again in", message, StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Contains("Sign in", await site.GetHtmlAsync("/Account/Login"), StringComparison.Ordinal); // reading is never limited
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
        Assert.StartsWith("Too many attempts from your network.", message, StringComparison.Ordinal);
    }
}
