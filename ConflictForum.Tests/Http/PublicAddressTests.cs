using System.Net;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConflictForum.Tests.Http;

/// <summary>Links in mail lead to the configured public address, and the site trusts only what it was told to about a request.</summary>
public sealed class PublicAddressTests() : ForumAppTest(settings: new Dictionary<string, string?> { ["Site:PublicUrl"] = PublicUrl })
{
    private const string PublicUrl = "https://forum.example.test/";

    [Fact]
    public async Task A_password_reset_asked_with_a_forged_host_mails_a_link_to_the_public_address()
    {
        await ConfirmedMemberAsync("Alan Turing", "alan@example.test");
        var site = new SiteClient(App);
        site.Http.DefaultRequestHeaders.Host = "attacker.example";

        var (response, _) = await site.SubmitAsync("/Account/ForgotPassword", "forgot-password", ("Input.Email", "alan@example.test"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = App.Mail.LinkIn("alan@example.test", "Reset");
        Assert.StartsWith(PublicUrl + "Account/ResetPassword?code=", link.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_asked_with_a_forged_host_mails_a_link_to_the_public_address()
    {
        var site = new SiteClient(App);
        site.Http.DefaultRequestHeaders.Host = "attacker.example";

        await site.RegisterAsync("Grace Hopper", "grace@example.test", "a long and memorable passphrase");

        Assert.StartsWith(PublicUrl + "Account/ConfirmEmail?", App.Mail.LinkIn("grace@example.test", "Confirm").ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_mail_links_to_the_public_address()
    {
        var claimant = await MemberAsync("Dana Whitfield");

        var opened = await WithAsync<DisputeService, ConflictForum.Platform.Outcome<OpenedDispute>>(disputes =>
            disputes.OpenDisputeAsync(claimant, new()
            {
                Title = "Washing machine failed after three weeks", Summary = "It stopped spinning.", RespondentName = "Northwind",
                RespondentEmail = "support@example.test", Statement = "It broke.",
            }));

        Assert.True(opened.Value!.Mailed);
        Assert.Equal(new Uri(PublicUrl + "invitations/" + opened.Value.InvitationToken),
            App.Mail.LinkIn("support@example.test", "invites you"));
    }

    [Fact]
    public async Task Outside_development_the_site_refuses_requests_for_another_host_and_keeps_browsers_on_https_for_a_year()
    {
        await using var production = Production(new() { ["Site:PublicUrl"] = PublicUrl });
        using var client = production.CreateClient(new() { BaseAddress = new Uri(PublicUrl) });

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/Account/ForgotPassword") { Headers = { Host = "attacker.example" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);

        using var genuine = await client.GetAsync(new Uri("/Account/ForgotPassword", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal("max-age=31536000", genuine.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task The_strict_transport_security_age_and_the_allowed_hosts_can_be_configured()
    {
        await using var production = Production(new()
        {
            ["Site:PublicUrl"] = PublicUrl, ["Site:HstsMaxAge"] = "2.00:00:00",
            ["AllowedHosts"] = "forum.example.test;www.forum.example.test",
        });
        using var client = production.CreateClient(new() { BaseAddress = new Uri("https://www.forum.example.test/") });

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=172800", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Outside_development_the_site_refuses_to_start_without_its_public_address()
    {
        await using var production = Production([]);

        var failure = Assert.Throws<OptionsValidationException>(() => production.Services);

        Assert.Contains("Site:PublicUrl is not set", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_over_https()
    {
        using var client = App.CreateClient(new() { BaseAddress = new Uri("https://localhost/"), HandleCookies = false });

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        var cookie = response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_content_security_policy_lets_pages_connect_to_this_site_only()
    {
        var policy = ConflictForum.Components.SecurityHeaders.ContentSecurityPolicy;

        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("ws:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("wss:", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit_and_https_is_believed()
    {
        await using var proxied = new ForumAppFactory(kestrel: true, settings: new Dictionary<string, string?>
        {
            ["AbuseLimits:ApiRequestsPerMinute"] = "2", ["Site:KnownProxies:0"] = "127.0.0.1",
        });
        using var proxy = new HttpClient { BaseAddress = proxied.RootUri };

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests],
            await ApiStatusesAsync(proxy, "203.0.113.1", "203.0.113.1", "203.0.113.1"));
        Assert.Equal([HttpStatusCode.NotFound], await ApiStatusesAsync(proxy, "203.0.113.2"));

        using var overHttps = new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { { "X-Forwarded-Proto", "https" } } };
        using var page = await proxy.SendAsync(overHttps);
        Assert.Contains("; secure",
            page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)),
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        await using var direct = new ForumAppFactory(kestrel: true,
            settings: new Dictionary<string, string?> { ["AbuseLimits:ApiRequestsPerMinute"] = "2" });
        using var client = new HttpClient { BaseAddress = direct.RootUri };

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests],
            await ApiStatusesAsync(client, "203.0.113.1", "203.0.113.2", "203.0.113.3"));
    }

    /// <summary>GETs a missing dispute from the JSON API once per forwarded client address.</summary>
    private static async Task<HttpStatusCode[]> ApiStatusesAsync(HttpClient client, params string[] forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var address in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/disputes/999")
            {
                Headers = { { "X-Forwarded-For", address } },
            };
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return [.. statuses];
    }

    private static ForumAppFactory Production(Dictionary<string, string?> settings)
    {
        settings["Email:Delivery"] = "PickupFolder";
        return new ForumAppFactory(environment: "Production", settings: settings);
    }

    private async Task ConfirmedMemberAsync(string displayName, string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var user = new ForumUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTime.UtcNow,
        };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>()
            .CreateAsync(user, "a long and memorable passphrase");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
    }
}
