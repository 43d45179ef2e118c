using System.Net;
using System.Text.RegularExpressions;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Http;

/// <summary>Sign-ins end when they should: every session of the account, at its next request, copies of the cookie included.</summary>
public sealed partial class SessionTests : ForumAppTest
{
    private const string Password = "correct horse battery";
    private const string NewPassword = "a brand new passphrase";

    private static string PathOf(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    private static async Task<string> ManagePathAsync(SiteClient site)
    {
        using var response = await site.Http.GetAsync(new Uri("/Account/Manage", UriKind.Relative));
        return PathOf(response);
    }

    private async Task<(SiteClient First, SiteClient Second)> TwoSessionsAsync(string name, string email)
    {
        var first = new SiteClient(App);
        await first.RegisterAndSignInAsync(name, email, Password);
        var second = new SiteClient(App);
        await second.SignInAsync(email, Password);
        Assert.Equal("/Account/Manage", await ManagePathAsync(first));
        Assert.Equal("/Account/Manage", await ManagePathAsync(second));
        return (first, second);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_account_s_other_sessions_at_their_next_request()
    {
        var (first, second) = await TwoSessionsAsync("Two Devices", "two@example.test");

        var (_, changed) = await first.SubmitAsync("/Account/Manage/ChangePassword", "change-password",
            ("Input.OldPassword", Password), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword));
        Assert.Contains("Your password has been changed.", changed, StringComparison.Ordinal);

        Assert.Equal("/Account/Login", await ManagePathAsync(second));
        Assert.Equal("/Account/Manage", await ManagePathAsync(first)); // the device that changed it stays signed in
    }

    [Fact]
    public async Task Sign_out_everywhere_else_ends_every_other_session_and_keeps_this_one()
    {
        var (first, second) = await TwoSessionsAsync("Left Signed In", "left@example.test");

        var (_, done) = await first.SubmitAsync("/Account/Manage", "sign-out-everywhere");
        Assert.Contains("You are signed out everywhere else.", done, StringComparison.Ordinal);

        Assert.Equal("/Account/Login", await ManagePathAsync(second));
        Assert.Equal("/Account/Manage", await ManagePathAsync(first));
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_the_account()
    {
        var site = new SiteClient(App);
        await site.RegisterAsync("Shared Device", "shared@example.test", Password);
        await site.ConfirmFromMailAsync("shared@example.test");
        var cookie = await site.SignInCookieAsync("shared@example.test", Password);
        using (var copy = await GetWithCookieAsync(cookie, "/Account/Manage"))
            Assert.Equal(HttpStatusCode.OK, copy.StatusCode);

        using (var signedOut = await SignOutWithCookieAsync(cookie))
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var after = await GetWithCookieAsync(cookie, "/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Account/Login", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_on_one_device_ends_that_sign_in_alone()
    {
        var (laptop, phone) = await TwoSessionsAsync("Two Screens", "screens@example.test");
        // A profile change reissues the phone's cookie: it is still the same sign-in, and signing out still ends it.
        var (_, renamed) = await phone.SubmitAsync("/Account/Manage", "profile", ("Input.DisplayName", "Two Screens Renamed"));
        Assert.Contains("Your display name has been updated.", renamed, StringComparison.Ordinal);

        await phone.SignOutAsync();

        Assert.Equal("/Account/Login", await ManagePathAsync(phone));
        Assert.Equal("/Account/Manage", await ManagePathAsync(laptop));
    }

    [Fact]
    public async Task An_open_page_whose_sign_in_was_signed_out_is_refused_its_next_write()
    {
        var site = new SiteClient(App);
        await site.RegisterAndSignInAsync("Left Open", "open@example.test", Password);
        var userId = await UserIdAsync("open@example.test");
        var cookie = await site.SignInCookieAsync("open@example.test", Password);
        var signInId = ReadSignInId(cookie);
        var page = await WithAsync<ForumActors, ForumActor>(async actors => (await actors.ForUserAsync(userId)) with
        {
            SessionStamp = (await WithAsync<UserManager<ForumUser>, string?>(async users =>
                await users.GetSecurityStampAsync((await users.FindByIdAsync(userId))!)))!,
            SignInId = signInId,
        });
        var opened = await WithAsync<ConflictForum.Features.Disputes.DisputeService,
            Outcome<ConflictForum.Features.Disputes.OpenedDispute>>(s => s.OpenDisputeAsync(page, new()
            {
                Title = "Fence painted the wrong colour", Summary = "Bright pink.", RespondentName = "Next Door",
                Statement = "It is pink.",
            }));
        Assert.True(opened.Succeeded, opened.Message);

        using (var signedOut = await SignOutWithCookieAsync(cookie))
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var refused = await WithAsync<ConflictForum.Features.Disputes.DisputeService, Outcome>(s =>
            s.PostReplyAsync(page, opened.Value!.DisputeId, "One more thing."));
        Assert.Equal("Your session has ended; sign in again.", refused.Message);
    }

    /// <summary>The sign-in id inside a cookie, as the app reads it.</summary>
    private string ReadSignInId(string cookie)
    {
        var value = cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..].Split(';')[0];
        var options = App.Services.GetRequiredService<
                Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        var ticket = options.TicketDataFormat.Unprotect(Uri.UnescapeDataString(value))!;
        return ticket.Principal.FindFirst(ForumClaims.SignInIdType)!.Value;
    }

    [Fact]
    public async Task A_suspension_or_a_role_change_ends_the_member_s_sessions()
    {
        var site = new SiteClient(App);
        await site.RegisterAndSignInAsync("Standing Changes", "standing@example.test", Password);
        var memberId = await UserIdAsync("standing@example.test");
        var moderator = await WithRoleAsync(await MemberAsync("Session Moderator"), ForumRoles.Moderator);
        var admin = await WithRoleAsync(await MemberAsync("Session Admin"), ForumRoles.Admin);

        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.SuspendAsync(moderator, memberId, DateTime.UtcNow.AddDays(1), "Cooling off"))).Succeeded);
        Assert.Equal("/Account/Login", await ManagePathAsync(site));

        await site.SignInAsync("standing@example.test", Password); // a suspended member still signs in, to read
        Assert.Equal("/Account/Manage", await ManagePathAsync(site));
        Assert.True((await WithAsync<ModerationService, Outcome>(s =>
            s.SetRoleAsync(admin, memberId, ForumRoles.Moderator, grant: true))).Succeeded);
        Assert.Equal("/Account/Login", await ManagePathAsync(site));
    }

    [Fact]
    public async Task Five_wrong_current_passwords_lock_the_account_and_end_its_sessions()
    {
        var site = new SiteClient(App);
        await site.RegisterAndSignInAsync("Guessing Thief", "thief@example.test", Password);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var (_, html) = await site.SubmitAsync("/Account/Manage/ChangePassword", "change-password",
                ("Input.OldPassword", $"a guess number {attempt}"), ("Input.NewPassword", NewPassword),
                ("Input.ConfirmPassword", NewPassword));
            Assert.Contains("That is not your current password.", html, StringComparison.Ordinal);
        }
        var (fifth, _) = await site.SubmitAsync("/Account/Manage/ChangePassword", "change-password",
            ("Input.OldPassword", "a guess number 5"), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword));
        Assert.Equal("/Account/Lockout", PathOf(fifth));

        Assert.Equal("/Account/Login", await ManagePathAsync(site));
        var (rightPassword, _) = await site.SignInAsync("thief@example.test", Password);
        Assert.Equal("/Account/Lockout", PathOf(rightPassword));
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>A client that sends only the cookies it is given, as whoever copied a cookie would.</summary>
    private HttpClient CookielessClient() =>
        App.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = App.RootUri });

    private async Task<HttpResponseMessage> GetWithCookieAsync(string cookie, string path)
    {
        using var client = CookielessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Posts the layout's sign-out form as the browser holding <paramref name="cookie"/> would.</summary>
    private async Task<HttpResponseMessage> SignOutWithCookieAsync(string cookie)
    {
        using var home = await GetWithCookieAsync(cookie, "/");
        var antiforgery = home.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        var token = WebUtility.HtmlDecode(Token().Match(await home.Content.ReadAsStringAsync()).Groups[1].Value);
        using var client = CookielessClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("ReturnUrl", "/")]),
        };
        request.Headers.Add("Cookie", $"{cookie}; {antiforgery}");
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
