using System.Text.RegularExpressions;
using ConflictForum.Features.Organisations;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;

namespace ConflictForum.Tests.Features.Organisations;

/// <summary>Owners invite agents by mail, the invited member joins by the link, and owners remove members.</summary>
public sealed partial class OrganisationAgentsTests : ClockedForumAppTest
{
    [Fact]
    public async Task The_invited_member_joins_as_an_agent_by_the_link_and_nobody_else_can_use_it()
    {
        var owner = await Given.MemberAsync("Olga Owner", "olga@bolt.example");
        var (id, slug) = await OrganisationAsync(owner);
        var agent = await Given.MemberAsync("Alex Agent", "alex@bolt.example");
        var stranger = await Given.MemberAsync("Sam Stranger", "sam@example.test");

        Assert.Equal(OrganisationRefusals.OnlyOwners, (await InviteAsync(agent, id, "alex@bolt.example")).Message);
        Assert.Equal(OrganisationRefusals.BadAddress, (await InviteAsync(owner, id, "not an address")).Message);
        Assert.True((await InviteAsync(owner, id, "alex@bolt.example")).Succeeded);
        var token = TokenIn(Assert.Single(App.Mail.To("alex@bolt.example")).TextBody!);

        Assert.Equal(OrganisationRefusals.NotInvited, (await AcceptAsync(stranger, token)).Message);
        Assert.Equal(OrganisationRefusals.BadLink, (await AcceptAsync(agent, token + "x")).Message);
        Assert.False((await AcceptAsync(ForumActor.Anonymous, token)).Succeeded);
        Assert.Equal(slug, (await AcceptAsync(agent, token)).Value);
        Assert.Equal(slug, (await AcceptAsync(agent, token)).Value); // twice is once
        var view = await ViewAsync(slug, agent);
        Assert.Equal(OrganisationRole.Agent, view!.ViewerRole);
        Assert.Equal(2, view.Members.Count);
        Assert.Null((await ViewAsync(slug, stranger))!.ViewerRole);

        // An agent is not an owner: they cannot invite, remove or verify by mail.
        Assert.Equal(OrganisationRefusals.OnlyOwners, (await InviteAsync(agent, id, "sam@example.test")).Message);
        Assert.Equal(OrganisationRefusals.OnlyOwners, (await RemoveAsync(agent, id, owner.UserId!)).Message);
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days_and_the_page_says_so_and_an_owner_removes_agents_but_not_the_last_owner()
    {
        var owner = await Given.MemberAsync("Olga Owner", "olga@bolt.example");
        var (id, slug) = await OrganisationAsync(owner);
        var agent = await Given.MemberAsync("Alex Agent", "alex@bolt.example");
        Assert.True((await InviteAsync(owner, id, "alex@bolt.example")).Succeeded);
        var token = TokenIn(App.Mail.To("alex@bolt.example")[0].TextBody!);
        Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(OrganisationRefusals.BadLink, (await AcceptAsync(agent, token)).Message);

        Assert.True((await InviteAsync(owner, id, "alex@bolt.example")).Succeeded);
        Assert.True((await AcceptAsync(agent, TokenIn(App.Mail.To("alex@bolt.example")[1].TextBody!))).Succeeded);
        Assert.Equal(OrganisationRefusals.LastOwner, (await RemoveAsync(owner, id, owner.UserId!)).Message);
        Assert.Equal(OrganisationRefusals.NotAMember, (await RemoveAsync(owner, id, "nobody")).Message);
        Assert.True((await RemoveAsync(owner, id, agent.UserId!)).Succeeded);
        Assert.Null((await ViewAsync(slug, agent))!.ViewerRole);
        Assert.Single((await ViewAsync(slug, owner))!.Members);
    }

    [Fact]
    public async Task An_invitation_link_works_once_and_a_removed_agent_cannot_use_it_to_come_back_until_invited_again()
    {
        var owner = await Given.MemberAsync("Olga Owner", "olga@bolt.example");
        var (id, slug) = await OrganisationAsync(owner);
        var agent = await Given.MemberAsync("Alex Agent", "alex@bolt.example");
        Assert.True((await InviteAsync(owner, id, "alex@bolt.example")).Succeeded);
        var token = TokenIn(App.Mail.To("alex@bolt.example")[0].TextBody!);
        Assert.Equal(slug, (await AcceptAsync(agent, token)).Value);

        Assert.True((await RemoveAsync(owner, id, agent.UserId!)).Succeeded);
        Assert.Equal(OrganisationRefusals.BadLink, (await AcceptAsync(agent, token)).Message); // within its seven days
        Assert.Null((await ViewAsync(slug, agent))!.ViewerRole);

        // An owner's new invitation lets them back in, once.
        Assert.True((await InviteAsync(owner, id, "alex@bolt.example")).Succeeded);
        Assert.Equal(slug, (await AcceptAsync(agent, TokenIn(App.Mail.To("alex@bolt.example")[1].TextBody!))).Value);
        Assert.Equal(OrganisationRole.Agent, (await ViewAsync(slug, agent))!.ViewerRole);
    }

    private async Task<(int Id, string Slug)> OrganisationAsync(ForumActor owner)
    {
        var created = await WithAsync<OrganisationService, Outcome<string>>(s => s.CreateAsync(owner,
            new OrganisationInput { Name = "Bolt Couriers Ltd", Slug = "bolt-couriers", Website = "https://bolt.example" }));
        Assert.True(created.Succeeded, created.Message);
        return ((await ViewAsync(created.Value!, owner))!.Organisation.Id, created.Value!);
    }

    private Task<OrganisationView?> ViewAsync(string slug, ForumActor viewer) =>
        WithAsync<OrganisationQueries, OrganisationView?>(q => q.GetAsync(slug, viewer));

    private Task<Outcome> InviteAsync(ForumActor actor, int id, string address) =>
        WithAsync<OrganisationService, Outcome>(s => s.InviteAgentAsync(actor, id, address));

    private Task<Outcome<string>> AcceptAsync(ForumActor actor, string token) =>
        WithAsync<OrganisationService, Outcome<string>>(s => s.AcceptInvitationAsync(actor, token));

    private Task<Outcome> RemoveAsync(ForumActor actor, int id, string userId) =>
        WithAsync<OrganisationService, Outcome>(s => s.RemoveMemberAsync(actor, id, userId));

    private static string TokenIn(string mail) => Uri.UnescapeDataString(JoinLink().Match(mail).Groups["token"].Value);

    [GeneratedRegex(@"organisations/join\?token=(?<token>\S+)")]
    private static partial Regex JoinLink();
}
