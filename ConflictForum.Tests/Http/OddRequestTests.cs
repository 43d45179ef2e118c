using System.Net;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>Whatever an address carries, the site answers with a page, never an error.</summary>
public sealed class OddRequestTests : ForumAppTest
{
    public static TheoryData<string> OddAddresses => new()
    {
        "/disputes?page=abc",
        "/disputes?page=-3",
        "/disputes?page=99999999999",
        "/disputes?page=2147483647",
        "/Account/Login?returnUrl=%00",
        "/Account/Login?returnUrl=//evil.com",
        "/Account/Login?returnUrl=http://x",
        "/Account/Login?returnUrl=%2F%2F%5Cevil.com",
        "/Account/Login?returnUrl=/" + new string('a', 6000),
        "/Account/Login?returnUrl=" + Uri.EscapeDataString("/x?" + new string('%', 500)),
        "/Account/Register?returnUrl=%00",
        "/Account/Register?returnUrl=http://x",
    };

    [Theory]
    [MemberData(nameof(OddAddresses))]
    public async Task Odd_query_values_answer_a_page_never_an_error(string address)
    {
        var (status, html) = await GetPageAsync(address);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ConflictForum", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("//evil.com")]
    [InlineData("http://x")]
    public async Task Signing_in_with_an_odd_return_address_lands_on_this_site(string returnUrl)
    {
        var site = new SiteClient(App);
        await BrowserJourney.CreateMemberAsync(App, "Ada Lovelace", "ada@example.test");

        var (response, html) = await site.SubmitAsync("/Account/Login?returnUrl=" + returnUrl, "login",
            ("Input.Email", "ada@example.test"), ("Input.Password", BrowserJourney.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(App.RootUri.Host, response.RequestMessage!.RequestUri!.Host);
        Assert.Contains("Ada Lovelace", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/\u0007bell")]
    [InlineData("/\r\nSet-Cookie: planted=1")]
    [InlineData("//evil.com")]
    [InlineData("/\\evil.com")]
    [InlineData("http://x")]
    public async Task Signing_out_or_switching_theme_with_an_odd_return_address_lands_on_this_site(string returnUrl)
    {
        var site = new SiteClient(App);
        await BrowserJourney.CreateMemberAsync(App, "Ada Lovelace", "ada@example.test");
        await site.SignInAsync("ada@example.test", BrowserJourney.Password);

        var (signedOut, _) = await site.SignOutAsync(returnUrl);
        var (switched, _) = await site.SubmitThemeAsync("dark", returnUrl);

        foreach (var response in new[] { signedOut, switched })
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"{response.RequestMessage!.RequestUri} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(App.RootUri.Host, response.RequestMessage!.RequestUri!.Host);
            Assert.Equal("/", response.RequestMessage.RequestUri.AbsolutePath);
        }
    }

    [Fact]
    public async Task A_missing_dispute_answers_404_with_the_not_found_page()
    {
        var (status, html) = await GetPageAsync("/disputes/999999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("We can't find that page", html, StringComparison.Ordinal);
    }
}
