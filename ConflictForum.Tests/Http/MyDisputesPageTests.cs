using System.Net;
using ConflictForum.Features.Notifications.Pages;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>"My disputes" over HTTP: rendered without a circuit, for the signed-in member only.</summary>
public sealed class MyDisputesPageTests : ForumAppTest
{
    [Fact]
    public async Task A_party_sees_what_needs_them_with_its_deadline_and_a_link_to_its_place_on_the_dispute_s_page()
    {
        var dana = await Given.MemberAsync("Dana Party", "dana@example.test");
        var (id, _, shop) = await Given.DisputeBetweenAsync(dana, await MemberAsync("Lamp Shop"));
        var offered = await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(shop, id,
            new OfferInput { Terms = "Half the price back.", ExpiresAt = DateTime.UtcNow.AddDays(2) }));
        Assert.True(offered.Succeeded, offered.Message);
        var site = new SiteClient(App);
        await site.SignInAsync("dana@example.test", BrowserJourney.Password);

        var page = WebUtility.HtmlDecode(await site.GetHtmlAsync("/" + MyDisputesPage.Url()));
        Assert.Contains("data-testid=\"my-action\"", page, StringComparison.Ordinal);
        Assert.Contains("Answer the respondent's offer", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"disputes/{id}#offers\"", page, StringComparison.Ordinal);
        Assert.Contains("Offer expires in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-interactive", page, StringComparison.Ordinal); // no circuit
        Assert.Contains($"href=\"{MyDisputesPage.Url()}\"", page, StringComparison.Ordinal); // in the menu

        // The place the link points to is on the dispute's page.
        Assert.Contains($"id=\"{ConflictForum.Features.Disputes.DisputeAddresses.OffersPart}\"",
            await site.GetHtmlAsync($"/disputes/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_who_is_not_signed_in_is_sent_to_sign_in()
    {
        using var page = await new SiteClient(App).Http.GetAsync(new Uri("/" + MyDisputesPage.Url(), UriKind.Relative));
        Assert.Equal("/Account/Login", page.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
