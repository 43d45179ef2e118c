using System.Net;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Notifications.Pages;
using ConflictForum.Features.Settlements;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ConflictForum.Tests.Http;

/// <summary>
/// The front door over HTTP: what is happening (most active, closing soon, recently settled) for everyone, read once per interval,
/// and what needs a signed-in member, read with their request. On a clock the test moves, starting now (sign-in cookies expire
/// by the real one).
/// </summary>
public sealed class HomePageTests : ForumAppTest
{
    private static readonly string[] ClosingOrder =
        ["Quiet dispute about a kettle", "Busy dispute about a sofa", "Awaiting an answer about a bike"];
    private readonly FakeTimeProvider clock;

    public HomePageTests() : this(new FakeTimeProvider(DateTimeOffset.UtcNow))
    {
    }

    private HomePageTests(FakeTimeProvider clock) : base(clock) => this.clock = clock;

    [Fact]
    public async Task The_home_page_lists_the_most_active_the_closing_soon_and_the_settled_disputes_in_their_order()
    {
        await DisputeAsync("Quiet dispute about a kettle", "Kettle Co");
        clock.Advance(TimeSpan.FromHours(1)); // its voting closes an hour after the quiet one's
        var busy = await DisputeAsync("Busy dispute about a sofa", "Sofa World");
        var reader = await MemberAsync("Reader One");
        for (var i = 0; i < 3; i++) await Given.CommentAsync(reader, busy.DisputeId, $"Comment {i} on the sofa.");
        clock.Advance(TimeSpan.FromHours(1));
        await Given.OpenAsync(await MemberAsync("Wendy Waiting"),
            Scenario.Dispute(title: "Awaiting an answer about a bike", respondentName: "Bike Barn"));
        var settled = await DisputeAsync("Settled dispute about a lamp", "Lamp Shop");
        await SettleAsync(settled);

        var html = await HomeAsync();

        var active = Section(html, "front-most-active");
        Assert.True(active.IndexOf("Busy dispute about a sofa", StringComparison.Ordinal)
            < active.IndexOf("Quiet dispute about a kettle", StringComparison.Ordinal), active);
        Assert.DoesNotContain("Awaiting an answer about a bike", active, StringComparison.Ordinal); // not open for votes yet
        Assert.DoesNotContain("Settled dispute about a lamp", active, StringComparison.Ordinal);

        // Voting on the quiet one closes first, then the busy one; the bike's response is due a week after it was opened.
        var closing = Section(html, "front-closing-soon");
        var order = ClosingOrder.Select(t => closing.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.True(order.All(i => i >= 0) && order.SequenceEqual(order.Order()), closing);
        Assert.DoesNotContain("Settled dispute about a lamp", closing, StringComparison.Ordinal);

        var recent = Section(html, "front-settled");
        Assert.Contains("Settled dispute about a lamp", recent, StringComparison.Ordinal);
        Assert.Contains("Settled · awaiting reports", recent, StringComparison.Ordinal); // its outcome, with the follow-up's state
        Assert.Contains($"href=\"{DisputeAddresses.DisputeUrl(settled.DisputeId)}\"", recent, StringComparison.Ordinal);
        Assert.Contains($"href=\"{FrontPage.SettledUrl}\"", recent, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"front-actions\"", html, StringComparison.Ordinal); // nobody is signed in
        Assert.DoesNotContain("data-interactive", html, StringComparison.Ordinal); // no circuit
    }

    [Fact]
    public async Task A_hidden_dispute_is_listed_blank_and_its_title_and_typed_party_name_never_reach_the_page()
    {
        var busy = await DisputeAsync("Secret title of a busy dispute", "Sofa World");
        await Given.CommentAsync(await MemberAsync("Reader Two"), busy.DisputeId, "The most active of them all.");
        var waiting = await Given.OpenAsync(await MemberAsync("Wendy Waiting"),
            Scenario.Dispute(title: "Secret title of a waiting dispute", respondentName: "Typed Party Ltd"));
        var moderator = await Given.ModeratorAsync();
        foreach (var id in new[] { busy.DisputeId, waiting.DisputeId })
        {
            var hid = await Run<ModerationService, Outcome>(s =>
                s.HideAsync(moderator, ContentKind.Dispute, id, "Names a private person."));
            Assert.True(hid.Succeeded, hid.Message);
        }

        var html = await HomeAsync();

        Assert.Contains("Hidden dispute", Section(html, "front-most-active"), StringComparison.Ordinal);
        Assert.Contains("Hidden dispute", Section(html, "front-closing-soon"), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret title", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Typed Party", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_member_sees_what_needs_them_with_a_link_to_my_disputes()
    {
        var dana = await Given.MemberAsync("Dana Party", "dana@example.test");
        var (id, _, shop) = await Given.DisputeBetweenAsync(dana, await MemberAsync("Lamp Shop"));
        var offered = await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(shop, id,
            new OfferInput { Terms = "Half the price back.", ExpiresAt = clock.GetUtcNow().UtcDateTime.AddDays(2) }));
        Assert.True(offered.Succeeded, offered.Message);
        var site = new SiteClient(App);
        await site.SignInAsync("dana@example.test", BrowserJourney.Password);

        var actions = Section(WebUtility.HtmlDecode(await site.GetHtmlAsync("/")), "front-actions");

        Assert.Contains("Answer the respondent's offer", actions, StringComparison.Ordinal);
        Assert.Contains($"href=\"{DisputeAddresses.PartUrl(id, DisputeAddresses.OffersPart)}\"", actions, StringComparison.Ordinal);
        Assert.Contains("Offer expires in", actions, StringComparison.Ordinal);
        Assert.Contains($"href=\"{MyDisputesPage.Url()}\"", actions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lists_are_read_once_per_interval_and_again_after_it()
    {
        var every = new FrontPageOptions().CacheFor;
        clock.Advance(TimeSpan.FromTicks(every.Ticks - clock.GetUtcNow().UtcTicks % every.Ticks)); // an interval begins
        Assert.Contains("No dispute has been settled yet.", Section(await HomeAsync(), "front-settled"), StringComparison.Ordinal);
        var settled = await DisputeAsync("Freshly settled dispute", "Lamp Shop");
        await SettleAsync(settled);

        clock.Advance(every / 2);
        var cached = await HomeAsync();
        Assert.Contains("No dispute has been settled yet.", Section(cached, "front-settled"), StringComparison.Ordinal); // the same lists
        Assert.DoesNotContain("Freshly settled dispute", cached, StringComparison.Ordinal);

        clock.Advance(every / 2);
        Assert.Contains("Freshly settled dispute", Section(await HomeAsync(), "front-settled"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_reader_in_an_interval_gets_the_same_lists_without_a_copy_made_for_each()
    {
        var every = new FrontPageOptions().CacheFor;
        clock.Advance(TimeSpan.FromTicks(every.Ticks - clock.GetUtcNow().UtcTicks % every.Ticks));
        var first = await WithAsync<FrontPageCache, FrontPage>(c => c.GetAsync().AsTask());
        clock.Advance(every / 2);

        Assert.Same(first, await WithAsync<FrontPageCache, FrontPage>(c => c.GetAsync().AsTask()));
        clock.Advance(every / 2);
        Assert.NotSame(first, await WithAsync<FrontPageCache, FrontPage>(c => c.GetAsync().AsTask()));
    }

    private async Task<DisputeParties> DisputeAsync(string title, string respondent) =>
        await Given.DisputeBetweenAsync(await MemberAsync($"Claimant of {respondent}"), await MemberAsync(respondent),
            Scenario.Dispute(title: title, respondentName: respondent));

    /// <summary>The respondent offers, the claimant accepts: settled.</summary>
    private async Task SettleAsync(DisputeParties dispute)
    {
        var offer = await Run<OfferService, Outcome<int>>(s => s.MakeOfferAsync(dispute.Respondent, dispute.DisputeId,
            new OfferInput { Terms = "A full refund.", ExpiresAt = clock.GetUtcNow().UtcDateTime.AddDays(2) }));
        Assert.True(offer.Succeeded, offer.Message);
        var accepted = await Run<OfferService, Outcome>(s => s.AcceptOfferAsync(dispute.Claimant, offer.Value));
        Assert.True(accepted.Succeeded, accepted.Message);
    }

    private async Task<string> HomeAsync()
    {
        var (status, html) = await GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        return html;
    }

    /// <summary>One of the home page's sections, by its test id.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"data-testid=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {id} on the page.");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
