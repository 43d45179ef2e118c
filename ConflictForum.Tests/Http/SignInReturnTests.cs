using System.Net;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>"Sign in to take part" brings a reader back to the page they were on, and only to a page of this site.</summary>
public sealed class SignInReturnTests : ForumAppTest
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_reader_s_dispute_page_links_sign_in_back_to_the_dispute()
    {
        var d = await Given.DisputeBetweenAsync("Dana Claimant", "Lamp Shop");

        var (status, html) = await GetPageAsync($"/disputes/{d.DisputeId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var link = $"href=\"Account/Login?ReturnUrl=%2Fdisputes%2F{d.DisputeId}\"";
        Assert.Contains($"{link} class=\"mud-link mud-primary-text mud-link-underline-always\" data-testid=\"sign-in-to-take-part\">"
            + "Sign in to take part.</a>", html, StringComparison.Ordinal);
        // The vote panel, the discussion and the user menu each ask the reader to sign in, each back to this dispute.
        Assert.True(Count(html, link) >= 3, html);
    }

    [Fact]
    public async Task Signing_in_from_the_link_lands_back_on_the_dispute()
    {
        var d = await Given.DisputeBetweenAsync("Dana Claimant", "Lamp Shop");
        var site = new SiteClient(App);
        await site.RegisterAsync("Returning Reader", "reader@example.test", Password);
        await site.ConfirmFromMailAsync("reader@example.test");

        var (signedIn, html) = await site.SubmitAsync($"/Account/Login?ReturnUrl=%2Fdisputes%2F{d.DisputeId}%3Fcomments%3D2", "login",
            ("Input.Email", "reader@example.test"), ("Input.Password", Password));

        Assert.Equal($"/disputes/{d.DisputeId}?comments=2", signedIn.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("Returning Reader", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newcomer_who_registers_from_the_sign_in_page_is_brought_back_to_the_dispute_after_confirming()
    {
        var d = await Given.DisputeBetweenAsync("Dana Claimant", "Lamp Shop");
        var site = new SiteClient(App);
        var signIn = $"/Account/Login?ReturnUrl=%2Fdisputes%2F{d.DisputeId}";
        var register = $"Account/Register?ReturnUrl=%2Fdisputes%2F{d.DisputeId}";
        Assert.Contains(register, await site.GetHtmlAsync(signIn), StringComparison.Ordinal);

        await site.SubmitAsync("/" + register, "register", ("Input.DisplayName", "New Neighbour"),
            ("Input.Email", "new@example.test"), ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        Assert.Contains("Account/Login?ReturnUrl=%2Fdisputes%2F" + d.DisputeId, await site.ConfirmFromMailAsync("new@example.test"),
            StringComparison.Ordinal);
        var (signedIn, _) = await site.SubmitAsync(signIn, "login", ("Input.Email", "new@example.test"), ("Input.Password", Password));

        Assert.Equal($"/disputes/{d.DisputeId}", signedIn.RequestMessage!.RequestUri!.PathAndQuery);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("{site}\\/evil.example/phish")] // the site's own address, then a path that leaves it
    [InlineData("{site}/\\evil.example/phish")]
    public async Task A_return_address_off_the_site_goes_home_instead(string returnUrl)
    {
        returnUrl = returnUrl.Replace("{site}", App.RootUri.ToString(), StringComparison.Ordinal);
        var site = new SiteClient(App);
        await site.RegisterAsync("Wary Reader", "wary@example.test", Password);
        await site.ConfirmFromMailAsync("wary@example.test");

        var (signedIn, _) = await site.SubmitAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), "login",
            ("Input.Email", "wary@example.test"), ("Input.Password", Password));

        Assert.Equal(App.RootUri.Host, signedIn.RequestMessage!.RequestUri!.Host);
        Assert.Equal("/", signedIn.RequestMessage.RequestUri.AbsolutePath);
    }

    private static int Count(string html, string what) =>
        (html.Length - html.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
