using System.Net;
using ConflictForum.Features.Accounts;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Http;

public sealed class AccountFlowTests : ForumAppTest
{
    private const string Password = "correct horse battery";
    [Fact]
    public async Task Register_confirm_sign_in_and_sign_out_over_http()
    {
        var site = new SiteClient(App);

        var (_, registered) = await site.RegisterAsync("Ada Lovelace", "ada@example.test", Password);
        Assert.Contains("Check your e-mail", registered, StringComparison.Ordinal);
        Assert.Contains("ada@example.test", registered, StringComparison.Ordinal);

        var (_, beforeConfirming) = await site.SignInAsync("ada@example.test", Password);
        // The same answer as a wrong password: sign-in does not tell whether an address has an (unconfirmed) account.
        Assert.Contains("do not match an account, or the address is not confirmed yet", beforeConfirming, StringComparison.Ordinal);

        var mail = Assert.Single(App.Mail.To("ada@example.test"));
        Assert.Contains("Hello Ada Lovelace", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("e-mail address is confirmed", await site.ConfirmFromMailAsync("ada@example.test"), StringComparison.Ordinal);

        var (signedIn, home) = await site.SignInAsync("ada@example.test", Password);
        Assert.Equal("/", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Welcome back, <strong>Ada Lovelace</strong>", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(new Uri("/Account/Manage", UriKind.Relative))).StatusCode);

        var signedOut = await site.SignOutAsync();
        Assert.DoesNotContain("Welcome back", signedOut, StringComparison.Ordinal);
        Assert.Contains(">Sign in<", signedOut, StringComparison.Ordinal);
        var manage = await site.Http.GetAsync(new Uri("/Account/Manage", UriKind.Relative));
        Assert.Equal("/Account/Login", manage.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Someone_who_registers_from_an_invitation_link_is_brought_back_to_it()
    {
        var site = new SiteClient(App);
        const string Back = "/invitations/some-token";
        var query = "?ReturnUrl=" + Uri.EscapeDataString(Back);

        await site.SubmitAsync("/Account/Register" + query, "register", ("Input.DisplayName", "Invited Ivy"),
            ("Input.Email", "ivy@example.test"), ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        var confirmed = await site.ConfirmFromMailAsync("ivy@example.test");
        Assert.Contains("Account/Login" + query, confirmed, StringComparison.Ordinal);

        var (signedIn, _) = await site.SubmitAsync("/Account/Login" + query, "login",
            ("Input.Email", "ivy@example.test"), ("Input.Password", Password));
        Assert.Equal(Back, signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        var site = new SiteClient(App);
        await site.RegisterAsync("Grace Hopper", "grace@example.test", Password);
        await site.ConfirmFromMailAsync("grace@example.test");

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var (_, html) = await site.SignInAsync("grace@example.test", "wrong password " + attempt);
            Assert.Contains("do not match an account", html, StringComparison.Ordinal);
        }
        var (fifth, _) = await site.SignInAsync("grace@example.test", "wrong password 5");
        Assert.Equal("/Account/Lockout", fifth.RequestMessage!.RequestUri!.AbsolutePath);

        var (rightPassword, lockedHtml) = await site.SignInAsync("grace@example.test", Password);
        Assert.Equal("/Account/Lockout", rightPassword.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("locked for 15 minutes", lockedHtml, StringComparison.Ordinal);

        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var lockoutEnd = await users.GetLockoutEndDateAsync((await users.FindByEmailAsync("grace@example.test"))!);
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Passwords_are_hashed_with_PBKDF2_at_210000_rounds_or_more()
    {
        await new SiteClient(App).RegisterAsync("Claude Shannon", "claude@example.test", Password);

        await using var scope = App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>().FindByEmailAsync("claude@example.test");
        var hash = Convert.FromBase64String(user!.PasswordHash!);

        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), ...
        Assert.Equal(0x01, hash[0]);
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 210_000);
    }

    [Fact]
    public async Task Short_password_is_refused_with_a_clear_message_and_no_account()
    {
        var site = new SiteClient(App);
        var (_, html) = await site.RegisterAsync("Short Pass", "short@example.test", "elevenchars");

        Assert.Contains("Use at least 12 characters.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"short@example.test\"", html, StringComparison.Ordinal); // what the user typed is kept
        Assert.Empty(App.Mail.To("short@example.test"));
    }

    [Fact]
    public async Task Display_name_taken_in_another_case_is_refused()
    {
        var site = new SiteClient(App);
        await site.RegisterAsync("River Song", "river@example.test", Password);
        var (_, html) = await new SiteClient(App).RegisterAsync("  river   SONG ", "other@example.test", Password);

        Assert.Contains("The display name 'river SONG' is already taken.", html, StringComparison.Ordinal);
        Assert.Empty(App.Mail.To("other@example.test"));
    }

    [Fact]
    public async Task Password_reset_link_from_the_mail_sets_a_new_password()
    {
        var site = new SiteClient(App);
        await site.RegisterAsync("Alan Turing", "alan@example.test", Password);
        await site.ConfirmFromMailAsync("alan@example.test");

        var (_, asked) = await site.SubmitAsync("/Account/ForgotPassword", "forgot-password", ("Input.Email", "alan@example.test"));
        Assert.Contains("a link to choose a new password is on its way", asked, StringComparison.Ordinal);

        var reset = App.Mail.LinkIn("alan@example.test", "Reset");
        const string NewPassword = "a brand new passphrase";
        var (_, done) = await site.SubmitAsync(reset.PathAndQuery, "reset-password",
            ("Input.Email", "alan@example.test"), ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword),
            ("Input.Code", System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(
                System.Web.HttpUtility.ParseQueryString(reset.Query)["code"]!))));
        Assert.Contains("Your password has been reset", done, StringComparison.Ordinal);

        var (_, old) = await site.SignInAsync("alan@example.test", Password);
        Assert.Contains("do not match an account", old, StringComparison.Ordinal);
        var (_, home) = await site.SignInAsync("alan@example.test", NewPassword);
        Assert.Contains("Welcome back, <strong>Alan Turing</strong>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_password_and_display_name_from_the_account_pages()
    {
        var site = new SiteClient(App);
        await site.RegisterAndSignInAsync("Katherine J", "kj@example.test", Password);

        var (_, renamed) = await site.SubmitAsync("/Account/Manage", "profile", ("Input.DisplayName", "Katherine Johnson"));
        Assert.Contains("Your display name has been updated.", renamed, StringComparison.Ordinal);
        Assert.Contains("Katherine Johnson", await site.GetHtmlAsync("/"), StringComparison.Ordinal);

        const string NewPassword = "orbital mechanics 1962";
        var (_, changed) = await site.SubmitAsync("/Account/Manage/ChangePassword", "change-password",
            ("Input.OldPassword", Password), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword));
        Assert.Contains("Your password has been changed.", changed, StringComparison.Ordinal);

        await site.SignOutAsync();
        var (_, home) = await site.SignInAsync("kj@example.test", NewPassword);
        Assert.Contains("Welcome back, <strong>Katherine Johnson</strong>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_cookie_is_honoured_by_a_restarted_or_second_instance()
    {
        var site = new SiteClient(App);
        await site.RegisterAsync("Hedy Lamarr", "hedy@example.test", Password);
        await site.ConfirmFromMailAsync("hedy@example.test");
        var cookie = await site.SignInCookieAsync("hedy@example.test", Password);

        // A new host on the same data folder: it must read the Data Protection keys from the database.
        await using var second = new ForumAppFactory(dataFolder: App.DataFolder);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        using var response = await second.CreateBrowserLikeClient().SendAsync(request);

        Assert.Contains("Welcome back, <strong>Hedy Lamarr</strong>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
    }
}
