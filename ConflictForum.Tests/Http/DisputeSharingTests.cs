using System.Net;
using System.Text.RegularExpressions;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>
/// A dispute's link where it is shared: Open Graph and Twitter card tags naming the parties and where it stands, on the public
/// address, never a hidden dispute's words; and the share button on its page.
/// </summary>
public sealed partial class DisputeSharingTests : ForumAppTest
{
    /// <summary>The public address the tests' app is configured with (Development's default).</summary>
    private const string PublicUrl = "http://localhost:5241/";

    [Fact]
    public async Task A_dispute_s_page_has_preview_tags_with_its_title_both_parties_its_status_and_its_public_address()
    {
        var (id, _, _) = await Given.DisputeBetweenAsync("Dana Buyer", "Lamp Shop",
            Scenario.Dispute(title: "Broken lamp and no refund", summary: "The lamp arrived in pieces."));

        var (status, html) = await GetPageAsync($"/{DisputeAddresses.DisputeUrl(id)}");

        Assert.Equal(HttpStatusCode.OK, status);
        var tags = Tags(html);
        Assert.Equal("article", tags["og:type"]);
        Assert.Equal("Broken lamp and no refund", tags["og:title"]);
        Assert.Equal("Dana Buyer vs Lamp Shop · Open for votes. The lamp arrived in pieces.", tags["og:description"]);
        Assert.Equal($"{PublicUrl}{DisputeAddresses.DisputeUrl(id)}", tags["og:url"]);
        Assert.Equal("summary", tags["twitter:card"]);
        Assert.Equal(tags["og:title"], tags["twitter:title"]);
        Assert.Equal(tags["og:description"], tags["twitter:description"]);
        Assert.Matches($"<link rel=\"canonical\" href=\"{PublicUrl}{DisputeAddresses.DisputeUrl(id)}\"", Head(html));
    }

    [Fact]
    public async Task An_ended_dispute_s_preview_says_how_it_ended()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana Buyer", "Lamp Shop");
        var offer = await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(respondent, id,
            new OfferInput { Terms = "A full refund.", ExpiresAt = DateTime.UtcNow.AddDays(2) }));
        Assert.True((await Run<OfferService, Outcome>(s => s.AcceptOfferAsync(claimant, offer.Value))).Succeeded);

        var (_, html) = await GetPageAsync($"/{DisputeAddresses.DisputeUrl(id)}");

        Assert.StartsWith("Dana Buyer vs Lamp Shop · Settled · awaiting reports.", Tags(html)["og:description"],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_dispute_s_preview_never_carries_its_title_summary_or_typed_party_name_even_on_a_moderator_s_page()
    {
        var opened = await Given.OpenAsync(await MemberAsync("Dana Buyer"), Scenario.Dispute(title: "Secret title naming someone",
            summary: "Secret summary with an address.", respondentName: "Typed Private Person"));
        var moderator = await Given.WithRoleAsync(await Given.MemberAsync("Mo Derator", "mo@example.test"), ForumRoles.Moderator);
        var hid = await Run<ModerationService, Outcome>(s => s.HideAsync(moderator, ContentKind.Dispute, opened.DisputeId, "Doxxing."));
        Assert.True(hid.Succeeded, hid.Message);
        var address = $"/{DisputeAddresses.DisputeUrl(opened.DisputeId)}";
        var site = new SiteClient(App);
        await site.SignInAsync("mo@example.test", BrowserJourney.Password);

        foreach (var html in new[] { (await GetPageAsync(address)).Html, WebUtility.HtmlDecode(await site.GetHtmlAsync(address)) })
        {
            var tags = Tags(html);
            Assert.Equal("Hidden dispute", tags["og:title"]);
            Assert.Equal("Dana Buyer vs the other party · Awaiting response. Hidden by a moderator or members' flags.",
                tags["og:description"]);
            // Every tag and the canonical link (the moderator's own tab title is theirs to read, as the page is).
            var shared = string.Join("\n", Tags(html).Values) + CanonicalLink().Match(html).Value;
            Assert.Contains(DisputeAddresses.DisputeUrl(opened.DisputeId), shared, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret", shared, StringComparison.Ordinal);
            Assert.DoesNotContain("Typed Private Person", shared, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret", ShareButton(html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_page_has_a_share_button_by_name_with_the_public_address_and_a_polite_status_for_readers_and_members()
    {
        var dana = await Given.MemberAsync("Dana Buyer", "dana@example.test");
        var (id, _, _) = await Given.DisputeBetweenAsync(dana, await MemberAsync("Lamp Shop"));
        var address = $"/{DisputeAddresses.DisputeUrl(id)}";
        var site = new SiteClient(App);
        await site.SignInAsync("dana@example.test", BrowserJourney.Password);

        foreach (var html in new[] { (await GetPageAsync(address)).Html, WebUtility.HtmlDecode(await site.GetHtmlAsync(address)) })
        {
            var button = ShareButton(html);
            Assert.StartsWith("<button type=\"button\"", button, StringComparison.Ordinal); // a native button: Enter and Space work
            Assert.Contains($"data-share-url=\"{PublicUrl}{DisputeAddresses.DisputeUrl(id)}\"", button, StringComparison.Ordinal);
            Assert.EndsWith(">Share</button>", button, StringComparison.Ordinal); // its accessible name
            Assert.Matches("<span class=\"[^\"]*\" role=\"status\" data-share-status", html);
        }
        Assert.Contains("js/share", (await GetPageAsync(address)).Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<meta (?:property|name)="(?<key>(og|twitter):\w+)" content="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex Tag();

    [GeneratedRegex("""<link rel="canonical" href="[^"]*"\s*/?>""")]
    private static partial Regex CanonicalLink();

    private static Dictionary<string, string> Tags(string html) =>
        Tag().Matches(Head(html)).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);

    private static string Head(string html) => html[..html.IndexOf("</head>", StringComparison.Ordinal)];

    private static string ShareButton(string html)
    {
        var at = html.IndexOf("data-testid=\"share\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "No share button on the page.");
        var start = html.LastIndexOf("<button", at, StringComparison.Ordinal);
        return html[start..(html.IndexOf("</button>", at, StringComparison.Ordinal) + "</button>".Length)];
    }
}
