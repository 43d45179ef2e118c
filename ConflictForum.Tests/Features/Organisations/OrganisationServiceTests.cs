using System.Text.RegularExpressions;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Organisations;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Organisations;

/// <summary>Creating organisations, their unique names and addresses, and the two ways they are verified.</summary>
public sealed partial class OrganisationServiceTests : ClockedForumAppTest
{
    [Fact]
    public async Task A_member_creates_an_organisation_and_owns_it_and_its_name_and_address_are_unique_ignoring_case()
    {
        var owner = await MemberAsync("Olga Owner");
        var created = await CreateAsync(owner, Input("Bolt Couriers Ltd", "bolt-couriers"));
        Assert.True(created.Succeeded, created.Message);
        Assert.Equal("bolt-couriers", created.Value);
        var view = await ViewAsync("bolt-couriers", owner);
        Assert.Equal(OrganisationRole.Owner, view!.ViewerRole);
        Assert.Equal(OrganisationVerification.None, view.Organisation.Verification);
        Assert.Equal("https://bolt.example/", view.Organisation.Website);

        var other = await MemberAsync("Impostor");
        Assert.Equal(OrganisationRefusals.NameTaken, (await CreateAsync(other, Input("  bolt   COURIERS ltd ", "bolt-2"))).Message);
        Assert.Equal(OrganisationRefusals.SlugTaken, (await CreateAsync(other, Input("Bolt Two", "bolt-couriers"))).Message);
        Assert.Null(await ViewAsync("bolt-2", other)); // nothing was created
    }

    [Theory]
    [InlineData("Bolt ✓ Verified", "bolt-check", "letters, digits")]
    [InlineData("Bolt", "Bolt Couriers", "lower-case letters")]
    [InlineData("Bolt", "new", "taken by the forum")]
    [InlineData("Bolt", "bolt", "full address")]
    public async Task Bad_input_gets_a_clear_message_and_creates_nothing(string name, string slug, string message)
    {
        var owner = await MemberAsync("Olga Owner");
        var input = Input(name, slug);
        if (slug == "bolt") input.Website = "not a website";
        var outcome = await CreateAsync(owner, input);
        Assert.False(outcome.Succeeded);
        Assert.Contains(message, outcome.Message, StringComparison.Ordinal);
        Assert.Empty(await WithAsync<OrganisationQueries, IReadOnlyList<Organisation>>(q => q.ListAsync()));
        Assert.False((await CreateAsync(ForumActor.Anonymous, Input("Bolt", "bolt-ok"))).Succeeded);
    }

    [Fact]
    public async Task An_owner_verifies_it_by_a_mail_to_an_address_at_the_websites_domain_and_a_forged_link_changes_nothing()
    {
        var owner = await MemberAsync("Olga Owner");
        var id = await CreatedIdAsync(owner, Input("Bolt Couriers Ltd", "bolt-couriers", "https://www.bolt.example/about"));
        var agent = await MemberAsync("Someone Else");
        Assert.Equal(OrganisationRefusals.OnlyOwners, (await RequestAsync(agent, id, "ops@bolt.example")).Message);
        Assert.Contains("someone@bolt.example", (await RequestAsync(owner, id, "olga@gmail.example")).Message, StringComparison.Ordinal);
        Assert.True((await RequestAsync(owner, id, "ops@bolt.example")).Succeeded);

        var mail = Assert.Single(App.Mail.To("ops@bolt.example"));
        var token = Uri.UnescapeDataString(ConfirmLink().Match(mail.TextBody!).Groups["token"].Value);
        var forged = await WithAsync<OrganisationService, Outcome<string>>(s => s.ConfirmDomainAsync(token + "x"));
        Assert.Equal(OrganisationRefusals.BadLink, forged.Message);
        Assert.Equal(OrganisationVerification.None, (await ViewAsync("bolt-couriers", owner))!.Organisation.Verification);

        var (_, page) = await GetPageAsync($"/organisations/confirm?token={Uri.EscapeDataString(token)}");
        Assert.Contains("Confirmed: the organisation is verified by its mail domain.", page, StringComparison.Ordinal);
        var verified = (await ViewAsync("bolt-couriers", owner))!.Organisation;
        Assert.Equal(OrganisationVerification.Domain, verified.Verification);
        Assert.Equal("ops@bolt.example", verified.VerifiedBy);
        Assert.Equal(OrganisationRefusals.AlreadyVerified, (await RequestAsync(owner, id, "ops@bolt.example")).Message);
    }

    [Fact]
    public async Task Only_an_admin_verifies_by_hand_and_an_expired_link_changes_nothing()
    {
        var owner = await MemberAsync("Olga Owner");
        var id = await CreatedIdAsync(owner, Input("Lamp Shop", "lamp-shop"));
        Assert.True((await RequestAsync(owner, id, "hello@bolt.example")).Succeeded);
        Clock.Advance(TimeSpan.FromDays(4));
        var token = Uri.UnescapeDataString(ConfirmLink().Match(App.Mail.To("hello@bolt.example")[0].TextBody!).Groups["token"].Value);
        Assert.Equal(OrganisationRefusals.BadLink,
            (await WithAsync<OrganisationService, Outcome<string>>(s => s.ConfirmDomainAsync(token))).Message);

        Assert.Equal(OrganisationRefusals.OnlyAdmins, (await VerifyAsync(owner, id)).Message);
        var admin = await WithRoleAsync(await MemberAsync("Ada Admin"), ForumRoles.Admin);
        Assert.True((await VerifyAsync(admin, id)).Succeeded);
        Assert.Equal(OrganisationVerification.Admin, (await ViewAsync("lamp-shop", owner))!.Organisation.Verification);
        Assert.Equal(OrganisationRefusals.AlreadyVerified, (await VerifyAsync(admin, id)).Message);
    }

    [Fact]
    public async Task A_description_or_a_suspension_reason_that_cannot_be_saved_as_typed_is_refused_with_a_clear_message()
    {
        var owner = await MemberAsync("Olga Owner");
        var nul = Input("Nul Ltd", "nul-ltd");
        nul.Description = "Parcels\0 and more";
        const string Refused = "contains an invisible control character (U+0000) that cannot be saved. Remove it and try again.";
        Assert.Equal("The description " + Refused, (await CreateAsync(owner, nul)).Message);
        var id = await CreatedIdAsync(owner, Input("Bolt Couriers Ltd", "bolt-couriers"));
        var admin = await WithRoleAsync(await MemberAsync("Ada Admin"), ForumRoles.Admin);
        Assert.True((await VerifyAsync(admin, id)).Succeeded);
        Assert.Equal("The reason " + Refused, (await SuspendAsync(admin, id, "Fake\0")).Message);
        Assert.True((await ViewAsync("bolt-couriers", owner))!.Organisation.IsVerified);
    }

    [Fact]
    public async Task A_website_at_a_free_mail_service_or_a_shared_suffix_is_not_verified_by_mail()
    {
        var owner = await MemberAsync("Olga Owner");
        var free = await CreatedIdAsync(owner, Input("Acme Bank", "acme-bank", "https://www.gmail.com"));
        var suffix = await CreatedIdAsync(owner, Input("Acme Bank UK", "acme-bank-uk", "https://co.uk"));

        Assert.Equal(OrganisationRefusals.SharedDomain("gmail.com"), (await RequestAsync(owner, free, "me@gmail.com")).Message);
        Assert.Equal(OrganisationRefusals.SharedDomain("co.uk"), (await RequestAsync(owner, suffix, "me@my-shop.co.uk")).Message);
        Assert.Empty(App.Mail.To("me@gmail.com"));
        Assert.Empty(App.Mail.To("me@my-shop.co.uk"));
        Assert.False((await ViewAsync("acme-bank", owner))!.Organisation.IsVerified);
        // An organisation's own domain under such a suffix is its own.
        var own = await CreatedIdAsync(owner, Input("Lamp Shop", "lamp-shop", "https://lamp-shop.co.uk"));
        Assert.True((await RequestAsync(owner, own, "hello@lamp-shop.co.uk")).Succeeded);
    }

    [Fact]
    public async Task An_admin_suspends_a_verification_with_a_reason_and_then_only_an_admin_can_verify_it_again()
    {
        var owner = await MemberAsync("Olga Owner");
        var id = await CreatedIdAsync(owner, Input("Bolt Couriers Ltd", "bolt-couriers"));
        var admin = await WithRoleAsync(await MemberAsync("Ada Admin"), ForumRoles.Admin);
        Assert.Equal(OrganisationRefusals.NotVerified, (await SuspendAsync(admin, id, "Misleading name")).Message);
        Assert.True((await RequestAsync(owner, id, "ops@bolt.example")).Succeeded); // a link mailed before the suspension
        var token = Uri.UnescapeDataString(ConfirmLink().Match(App.Mail.To("ops@bolt.example")[0].TextBody!).Groups["token"].Value);
        Assert.True((await VerifyAsync(admin, id)).Succeeded);

        Assert.Equal(OrganisationRefusals.OnlyAdmins, (await SuspendAsync(owner, id, "Mine")).Message);
        Assert.Equal(OrganisationRefusals.GiveReason, (await SuspendAsync(admin, id, "  ")).Message);
        Assert.True((await SuspendAsync(admin, id, "Customers report it is not the real company.")).Succeeded);
        var suspended = (await ViewAsync("bolt-couriers", owner))!.Organisation;
        Assert.False(suspended.IsVerified);
        var (_, page) = await GetPageAsync("/organisations/bolt-couriers");
        Assert.Contains("Customers report it is not the real company.", page, StringComparison.Ordinal);
        Assert.Contains("data-verification=\"None\"", page, StringComparison.Ordinal);

        // Neither the owner's mail nor an older link verifies it again; an admin does.
        Assert.Equal(OrganisationRefusals.Suspended, (await RequestAsync(owner, id, "ops@bolt.example")).Message);
        Assert.Equal(OrganisationRefusals.Suspended,
            (await WithAsync<OrganisationService, Outcome<string>>(s => s.ConfirmDomainAsync(token))).Message);
        Assert.False((await ViewAsync("bolt-couriers", owner))!.Organisation.IsVerified);
        Assert.True((await VerifyAsync(admin, id)).Succeeded);
        var lifted = (await ViewAsync("bolt-couriers", owner))!.Organisation;
        Assert.Equal(OrganisationVerification.Admin, lifted.Verification);
        Assert.Null(lifted.SuspendedAt);
    }

    [Fact]
    public async Task The_list_and_the_page_show_the_badge_by_how_it_was_verified_never_by_its_name()
    {
        var owner = await MemberAsync("Olga Owner");
        var id = await CreatedIdAsync(owner, Input("Lamp Shop", "lamp-shop"));
        await CreatedIdAsync(owner, Input("Bolt Couriers Ltd", "bolt-couriers"));
        var admin = await WithRoleAsync(await MemberAsync("Ada Admin"), ForumRoles.Admin);
        Assert.True((await VerifyAsync(admin, id)).Succeeded);

        var (status, list) = await GetPageAsync("/organisations");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.True(list.IndexOf("Lamp Shop", StringComparison.Ordinal) < list.IndexOf("Bolt Couriers Ltd", StringComparison.Ordinal));
        Assert.Contains("data-verification=\"Admin\"", list, StringComparison.Ordinal);
        Assert.Contains("data-verification=\"None\"", list, StringComparison.Ordinal);
        var (_, page) = await GetPageAsync("/organisations/lamp-shop");
        Assert.Contains("Verified · by an admin", page, StringComparison.Ordinal);
        Assert.Contains("Olga Owner", page, StringComparison.Ordinal);
        var (_, missing) = await GetPageAsync("/organisations/no-such-one");
        Assert.Contains(OrganisationRefusals.NotFound, missing, StringComparison.Ordinal);
    }

    private static OrganisationInput Input(string name, string slug, string website = "https://bolt.example") =>
        new() { Name = name, Slug = slug, Website = website, Description = "Parcels across the city." };

    private Task<Outcome<string>> CreateAsync(ForumActor actor, OrganisationInput input) =>
        WithAsync<OrganisationService, Outcome<string>>(s => s.CreateAsync(actor, input));

    private async Task<int> CreatedIdAsync(ForumActor owner, OrganisationInput input)
    {
        var created = await CreateAsync(owner, input);
        Assert.True(created.Succeeded, created.Message);
        return (await ViewAsync(created.Value!, owner))!.Organisation.Id;
    }

    private Task<OrganisationView?> ViewAsync(string slug, ForumActor viewer) =>
        WithAsync<OrganisationQueries, OrganisationView?>(q => q.GetAsync(slug, viewer));

    private Task<Outcome> RequestAsync(ForumActor actor, int id, string address) =>
        WithAsync<OrganisationService, Outcome>(s => s.RequestDomainCheckAsync(actor, id, address));

    private Task<Outcome> SuspendAsync(ForumActor actor, int id, string reason) =>
        WithAsync<OrganisationService, Outcome>(s => s.SuspendAsync(actor, id, reason));

    private Task<Outcome> VerifyAsync(ForumActor actor, int id) =>
        WithAsync<OrganisationService, Outcome>(s => s.VerifyAsync(actor, id));

    [GeneratedRegex(@"organisations/confirm\?token=(?<token>\S+)")]
    private static partial Regex ConfirmLink();
}
