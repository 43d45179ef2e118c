using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Disputes;

/// <summary>
/// An invitation mailed to an address answers for that address: whoever else holds the link cannot take the respondent's place.
/// </summary>
public sealed class InvitationAddressTests : ClockedForumAppTest
{
    private async Task<ForumActor> MemberWithEmailAsync(string displayName, string email, bool confirmed = true)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var user = new ForumUser
        {
            UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = displayName,
            CreatedAt = Clock.GetUtcNow().UtcDateTime,
        };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        return await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync(user.Id);
    }

    private Task<OpenedDispute> OpenAsync(ForumActor claimant, string? respondentEmail) => Given.OpenAsync(claimant,
        Scenario.Dispute("Sofa delivered in the wrong colour", "Green instead of grey.", "Jo at the sofa shop", "I ordered grey.",
            respondentEmail: respondentEmail));

    private Task<Outcome<int>> AcceptAsync(ForumActor actor, string token) =>
        WithAsync<DisputeService, Outcome<int>>(s => s.AcceptInvitationAsync(actor, token));

    [Fact]
    public async Task A_mailed_invitation_is_accepted_only_by_the_account_with_that_confirmed_address()
    {
        var claimant = await MemberAsync("Claimant");
        var opened = await OpenAsync(claimant, "jo@sofas.example");

        var preview = (await WithAsync<DisputeService, Outcome<InvitationPreview>>(s =>
            s.InspectInvitationAsync(opened.InvitationToken))).Value!;
        Assert.Equal("j***@sofas.example", preview.SentTo);
        var (_, page) = await GetPageAsync($"/invitations/{opened.InvitationToken}");
        Assert.Contains("This invitation was sent to j***@sofas.example.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("jo@sofas.example", page, StringComparison.Ordinal);

        const string refusal = "This invitation was sent to j***@sofas.example. Sign in with the account that uses that address, "
            + "with the address confirmed, to accept it; or ask the party who opened the dispute to issue a new link to your address.";
        var forwardedTo = await MemberWithEmailAsync("Someone Forwarded It", "someone@elsewhere.example");
        Assert.Equal(refusal, (await AcceptAsync(forwardedTo, opened.InvitationToken)).Message);

        var jo = await MemberWithEmailAsync("Jo Sofas", "Jo@Sofas.Example"); // the same address, whatever its case
        var accepted = await AcceptAsync(jo, opened.InvitationToken);
        Assert.True(accepted.Succeeded, accepted.Message);
        var view = (await WithAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(opened.DisputeId, jo)))!;
        Assert.Equal(jo.UserId, view.Dispute.RespondentId);
    }

    [Fact]
    public async Task An_unconfirmed_account_with_the_address_cannot_accept_a_mailed_invitation()
    {
        var claimant = await MemberAsync("Claimant");
        var opened = await OpenAsync(claimant, "jo@sofas.example");
        var squatter = await MemberWithEmailAsync("Jo Maybe", "jo@sofas.example", confirmed: false);
        Assert.StartsWith("This invitation was sent to j***@sofas.example.", (await AcceptAsync(squatter, opened.InvitationToken)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_issued_without_an_address_is_open_to_any_account_that_holds_it()
    {
        var claimant = await MemberAsync("Claimant");
        var opened = await OpenAsync(claimant, null);
        Assert.Null((await WithAsync<DisputeService, Outcome<InvitationPreview>>(s =>
            s.InspectInvitationAsync(opened.InvitationToken))).Value!.SentTo);
        var anyone = await MemberWithEmailAsync("Anyone", "anyone@anywhere.example");
        Assert.True((await AcceptAsync(anyone, opened.InvitationToken)).Succeeded);
    }

    [Fact]
    public async Task The_claimant_can_issue_a_new_link_to_the_address_the_other_party_really_uses()
    {
        var claimant = await MemberAsync("Claimant");
        var opened = await OpenAsync(claimant, "jo@sofas.example");
        var jo = await MemberWithEmailAsync("Jo At Home", "jo.home@example.test");
        Assert.StartsWith("This invitation was sent to j***@sofas.example.", (await AcceptAsync(jo, opened.InvitationToken)).Message,
            StringComparison.Ordinal);

        var invalid = await WithAsync<DisputeService, Outcome<string>>(s =>
            s.ReissueInvitationAsync(claimant, opened.DisputeId, "not an address"));
        Assert.Equal("Enter a valid e-mail address, or leave it empty.", invalid.Message);
        var someoneElse = await MemberAsync("Not The Claimant");
        Assert.False((await WithAsync<DisputeService, Outcome<string>>(s =>
            s.ReissueInvitationAsync(someoneElse, opened.DisputeId, "x@example.test"))).Succeeded);

        var reissued = await WithAsync<DisputeService, Outcome<string>>(s =>
            s.ReissueInvitationAsync(claimant, opened.DisputeId, "jo.home@example.test"));
        Assert.True(reissued.Succeeded, reissued.Message);
        Assert.StartsWith("This invitation link was revoked", (await AcceptAsync(jo, opened.InvitationToken)).Message,
            StringComparison.Ordinal);
        Assert.True((await AcceptAsync(jo, reissued.Value!)).Succeeded);
    }

    [Fact]
    public async Task A_new_link_sent_nowhere_is_open_to_whoever_holds_it()
    {
        var claimant = await MemberAsync("Claimant");
        var opened = await OpenAsync(claimant, "jo@sofas.example");
        var reissued = await WithAsync<DisputeService, Outcome<string>>(s => s.ReissueInvitationAsync(claimant, opened.DisputeId, ""));
        Assert.Null((await WithAsync<DisputeService, Outcome<InvitationPreview>>(s =>
            s.InspectInvitationAsync(reissued.Value!))).Value!.SentTo);
        Assert.True((await AcceptAsync(await MemberWithEmailAsync("Holder", "holder@example.test"), reissued.Value!)).Succeeded);
    }
}
