using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Organisations;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Http;

/// <summary>An organisation's page over HTTP, flagged and hidden: what a reader, its owner and a moderator are sent.</summary>
public sealed class OrganisationModerationPagesTests : ForumAppTest
{
    private const string Description = "Same-day parcels across the city.";
    private const string Page = "/organisations/" + Scenario.BoltSlug;

    [Fact]
    public async Task A_member_is_offered_the_flag_and_its_own_members_are_not()
    {
        await BoltAsync();
        var reader = new SiteClient(App);
        await reader.SignInAsync("rita@example.test", BrowserJourney.Password);
        Assert.Contains("Flag this organisation", await reader.GetHtmlAsync(Page), StringComparison.Ordinal);

        var owner = new SiteClient(App);
        await owner.SignInAsync("olga@example.test", BrowserJourney.Password);
        Assert.DoesNotContain("Flag this organisation", await owner.GetHtmlAsync(Page), StringComparison.Ordinal);
        Assert.DoesNotContain("Flag this organisation", (await GetPageAsync(Page)).Html, StringComparison.Ordinal); // signed out
    }

    [Fact]
    public async Task A_hidden_organisations_name_and_description_reach_only_moderators_and_its_owner_with_the_reason_for_everyone()
    {
        var (id, customerDispute) = await BoltAsync();
        var moderator = await WithRoleAsync(await Given.MemberAsync("Mona Moderator", "mona@example.test"), ForumRoles.Moderator);
        var flagged = await Run<ModerationService, Outcome>(s =>
            s.FlagAsync(moderator, ContentKind.Organisation, id, FlagReason.Abuse, null));
        Assert.True(flagged.Succeeded, flagged.Message);
        var hidden = await Run<ModerationService, Outcome>(s =>
            s.HideAsync(moderator, ContentKind.Organisation, id, "Its description insults customers."));
        Assert.True(hidden.Succeeded, hidden.Message);

        var (_, html) = await GetPageAsync(Page);
        Assert.Contains("Hidden by a moderator: Its description insults customers.", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{OrganisationNames.HiddenName} · ConflictForum</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bolt Couriers", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Description, html, StringComparison.Ordinal);
        var dispute = (await GetPageAsync(DisputeAddresses.DisputeUrl(customerDispute))).Html;
        Assert.Contains(OrganisationNames.HiddenName, dispute, StringComparison.Ordinal);
        Assert.DoesNotContain("Bolt Couriers", dispute, StringComparison.Ordinal);
        Assert.DoesNotContain("Bolt Couriers", (await GetPageAsync("/organisations")).Html, StringComparison.Ordinal);

        var owner = new SiteClient(App);
        await owner.SignInAsync("olga@example.test", BrowserJourney.Password);
        var ownPage = await owner.GetHtmlAsync(Page);
        Assert.Contains(Description, ownPage, StringComparison.Ordinal);
        Assert.Contains("Appeal (once)", ownPage, StringComparison.Ordinal);
        var reviewer = new SiteClient(App);
        await reviewer.SignInAsync("mona@example.test", BrowserJourney.Password);
        Assert.Contains(Description, await reviewer.GetHtmlAsync(Page), StringComparison.Ordinal);
    }

    /// <summary>Bolt, owned by Olga (who signs in), with a description; Rita, a reader who signs in; a dispute against Bolt.</summary>
    private async Task<(int Id, int DisputeId)> BoltAsync()
    {
        var owner = await Given.MemberAsync("Olga Owner", "olga@example.test");
        await Given.MemberAsync("Rita Reader", "rita@example.test");
        var slug = await Run<OrganisationService, Outcome<string>>(s => s.CreateAsync(owner, new OrganisationInput
        {
            Name = "Bolt Couriers Ltd", Slug = Scenario.BoltSlug, Website = "https://bolt.example", Description = Description,
        }));
        var id = (await Run<OrganisationQueries, OrganisationView?>(q => q.GetAsync(slug.Value!, owner)))!.Organisation.Id;
        var opened = await Given.OpenAsync(await MemberAsync("Cara Customer"),
            Scenario.Dispute("Parcel left in the rain", respondentName: "Bolt Couriers Ltd"));
        return (id, opened.DisputeId);
    }
}
