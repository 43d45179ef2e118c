using System.Text.RegularExpressions;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Accounts.Pages;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Http;

/// <summary>The account forms tell nobody who has an account, and never hand a password back.</summary>
public sealed partial class AccountPrivacyTests : ForumAppTest
{
    private const string Password = "correct horse battery";
    private readonly WatchedPasswordHasher hasher;

    public AccountPrivacyTests() : this(new WatchedPasswordHasher())
    {
    }

    private AccountPrivacyTests(WatchedPasswordHasher hasher) : base(new ForumAppFactory(services: hasher.Replace)) => this.hasher = hasher;

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_as_for_a_new_one_and_mails_its_owner()
    {
        var (first, firstPage) = await new SiteClient(App).RegisterAsync("First Owner", "owner@example.test", Password);
        await new SiteClient(App).ConfirmFromMailAsync("owner@example.test");
        var (second, secondPage) = await new SiteClient(App).RegisterAsync("Someone Else", "owner@example.test", "another long passphrase");

        Assert.Equal(first.RequestMessage!.RequestUri!.PathAndQuery, second.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Equal(WithoutTokens(firstPage), WithoutTokens(secondPage));
        Assert.DoesNotContain("taken", secondPage, StringComparison.OrdinalIgnoreCase);

        var notice = App.Mail.To("owner@example.test")[^1];
        Assert.Contains("Someone tried to register", notice.Subject, StringComparison.Ordinal);
        Assert.Contains("/Account/ResetPassword?code=", notice.TextBody, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        Assert.Equal("First Owner", (await users.FindByEmailAsync("owner@example.test"))!.DisplayName);
    }

    [Fact]
    public async Task Sign_in_gives_one_answer_for_an_unknown_address_a_wrong_password_and_an_unconfirmed_address()
    {
        var site = new SiteClient(App);
        await site.RegisterAsync("Confirmed Carla", "carla@example.test", Password);
        await site.ConfirmFromMailAsync("carla@example.test");
        await site.RegisterAsync("Unconfirmed Uma", "uma@example.test", Password);

        var answers = new List<string>();
        foreach (var (email, password) in new[] { ("nobody@example.test", Password), ("carla@example.test", "not her password"),
            ("uma@example.test", Password) })
        {
            var (response, html) = await site.SignInAsync(email, password);
            Assert.Equal("/Account/Login", response.RequestMessage!.RequestUri!.AbsolutePath);
            answers.Add(Message().Match(html).Groups[1].Value.Trim());
        }

        Assert.Equal(Login.FailedMessage["Error: ".Length..], answers[0]);
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
    }

    [Fact]
    public async Task Sign_in_hashes_the_password_once_whether_or_not_the_address_has_a_confirmed_account()
    {
        var site = new SiteClient(App);
        await site.RegisterAsync("Confirmed Carla", "carla@example.test", Password);
        await site.ConfirmFromMailAsync("carla@example.test");
        await site.RegisterAsync("Unconfirmed Uma", "uma@example.test", Password);

        // The time a sign-in takes is the hash's (PBKDF2, 210,000 rounds): the same number of them is the same time.
        foreach (var (email, password) in new[] { ("nobody@example.test", Password), ("carla@example.test", "not her password"),
            ("uma@example.test", Password) })
        {
            var before = hasher.Verifications;
            await site.SignInAsync(email, password);
            Assert.True(hasher.Verifications - before == 1,
                $"Signing in as {email} hashed the password {hasher.Verifications - before} times.");
        }
    }

    [Fact]
    public async Task A_reset_link_tried_on_an_unknown_address_answers_as_on_a_registered_one()
    {
        var site = new SiteClient(App);
        await site.RegisterAsync("Reset Rhea", "rhea@example.test", Password);
        await site.ConfirmFromMailAsync("rhea@example.test");

        var answers = new List<string>();
        foreach (var email in new[] { "rhea@example.test", "nobody@example.test" })
        {
            var (response, html) = await site.SubmitAsync("/Account/ResetPassword?code=bm90LWEtY29kZQ", "reset-password",
                ("Input.Email", email), ("Input.Password", "a brand new passphrase"),
                ("Input.ConfirmPassword", "a brand new passphrase"), ("Input.Code", "not-a-code"));
            Assert.Equal("/Account/ResetPassword", response.RequestMessage!.RequestUri!.AbsolutePath);
            answers.Add(Message().Match(html).Groups[1].Value.Trim());
        }

        Assert.StartsWith("This link does not reset the password of that address", answers[0], StringComparison.Ordinal);
        Assert.Equal(answers[0], answers[1]);
    }

    [Fact]
    public async Task A_password_is_never_written_back_into_a_form_after_a_failed_post()
    {
        const string Secret = "hunter2 but much longer";
        var site = new SiteClient(App);

        var (_, login) = await site.SignInAsync("nobody@example.test", Secret);
        Assert.Contains("do not match an account", login, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, login, StringComparison.Ordinal);

        var (_, register) = await site.SubmitAsync("/Account/Register", "register", ("Input.DisplayName", "Leaky Form"),
            ("Input.Email", "leaky@example.test"), ("Input.Password", Secret), ("Input.ConfirmPassword", Secret + " typo"));
        Assert.Contains("The two passwords do not match.", register, StringComparison.Ordinal);
        Assert.Contains("value=\"leaky@example.test\"", register, StringComparison.Ordinal); // what is not secret is kept
        Assert.DoesNotContain(Secret, register, StringComparison.Ordinal);

        var (_, reset) = await site.SubmitAsync("/Account/ResetPassword?code=bm90LWEtY29kZQ", "reset-password",
            ("Input.Email", "leaky@example.test"),
            ("Input.Password", Secret), ("Input.ConfirmPassword", Secret + " typo"), ("Input.Code", "not-a-code"));
        Assert.Contains("The two passwords do not match.", reset, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, reset, StringComparison.Ordinal);

        await site.RegisterAndSignInAsync("Careful Member", "careful@example.test", Password);
        var (_, change) = await site.SubmitAsync("/Account/Manage/ChangePassword", "change-password",
            ("Input.OldPassword", Secret), ("Input.NewPassword", Secret + " new"), ("Input.ConfirmPassword", Secret + " new"));
        Assert.Contains("That is not your current password.", change, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, change, StringComparison.Ordinal);
    }

    private static string WithoutTokens(string html) => Token().Replace(html, "");

    // What differs per request whatever the answer: antiforgery tokens and Blazor's encrypted component state.
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]+\"|<!--Blazor-Server-Component-State:[^>]*")]
    private static partial Regex Token();

    [GeneratedRegex("class=\"mud-alert-message\"[^>]*>([^<]*)<")]
    private static partial Regex Message();
}
