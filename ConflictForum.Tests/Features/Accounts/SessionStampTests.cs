using System.Security.Claims;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConflictForum.Tests.Features.Accounts;

/// <summary>An open page acts through the sign-in it was opened with: once that sign-in has ended, its next write is refused.</summary>
public sealed class SessionStampTests : ForumAppTest
{
    private const string Ended = "Your session has ended; sign in again.";

    /// <summary>The member as a page signed in now would act: bound to the account's current security stamp.</summary>
    private async Task<ForumActor> SignedInAsync(ForumActor member) =>
        member with
        {
            SessionStamp = await WithAsync<UserManager<ForumUser>, string>(async users =>
                (await users.GetSecurityStampAsync((await users.FindByIdAsync(member.UserId!))!))!)
        };

    private async Task EndSessionsAsync(ForumActor member) =>
        Assert.True((await WithAsync<UserManager<ForumUser>, IdentityResult>(async users =>
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(member.UserId!))!))).Succeeded);

    private static OpenDisputeInput Dispute(string title) => new()
    {
        Title = title, Summary = "The hedge blocks the light.", RespondentName = "Next door", Statement = "It is three metres tall.",
    };

    [Fact]
    public async Task A_page_acts_through_the_sign_in_it_was_opened_with()
    {
        var member = await MemberAsync("Open Page");
        var stamp = (await SignedInAsync(member)).SessionStamp!;
        var circuit = new FixedAuthentication(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, member.UserId!),
             new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp)], "Identity.Application")));
        var actors = new ForumActors(App.Services.GetRequiredService<IDbContextFactory<ConflictForum.Data.ForumDbContext>>(), circuit,
            App.Services.GetRequiredService<TimeProvider>(), App.Services.GetRequiredService<IOptions<IdentityOptions>>());

        var page = await actors.CurrentAsync();
        Assert.True(page.IsSignedIn);
        Assert.Equal(stamp, page.SessionStamp);
        Assert.True((await WithAsync<DisputeService, Outcome<OpenedDispute>>(s =>
            s.OpenDisputeAsync(page, Dispute("Open page writes")))).Succeeded);

        await EndSessionsAsync(member); // a password change, a sign-out elsewhere...

        Assert.Equal(Ended, (await WithAsync<DisputeService, Outcome<OpenedDispute>>(s =>
            s.OpenDisputeAsync(page, Dispute("Too late for this one")))).Message);
        Assert.True((await actors.CurrentAsync()).HasSessionEnded);
    }

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    [Fact]
    public async Task An_actor_whose_sign_in_has_ended_is_refused_every_write()
    {
        var claimant = await SignedInAsync(await MemberAsync("Claimant Page"));
        var respondent = await MemberAsync("Respondent");
        var voter = await SignedInAsync(await MemberAsync("Voter Page"));
        var opened = await WithAsync<DisputeService, Outcome<OpenedDispute>>(s =>
            s.OpenDisputeAsync(claimant, Dispute("A hedge too tall")));
        Assert.True(opened.Succeeded, opened.Message); // a current sign-in writes
        Assert.True((await WithAsync<DisputeService, Outcome<int>>(s =>
            s.AcceptInvitationAsync(respondent, opened.Value!.InvitationToken))).Succeeded);
        Assert.True((await WithAsync<DisputeService, Outcome>(s =>
            s.SaveStatementAsync(respondent, opened.Value!.DisputeId, "Our side."))).Succeeded); // both heard: open for votes

        await EndSessionsAsync(claimant);
        await EndSessionsAsync(voter);

        Assert.Equal(Ended, (await WithAsync<DisputeService, Outcome<OpenedDispute>>(s =>
            s.OpenDisputeAsync(claimant, Dispute("Another hedge")))).Message);
        Assert.Equal(Ended, (await WithAsync<DisputeService, Outcome>(s =>
            s.PostReplyAsync(claimant, opened.Value!.DisputeId, "My reply"))).Message);
        Assert.Equal(Ended, (await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(voter, opened.Value!.DisputeId, "A comment"))).Message);
        Assert.Equal(Ended, (await WithAsync<DeliberationService, Outcome>(s =>
            s.CastFaultVoteAsync(voter, opened.Value!.DisputeId, FaultOption.Both))).Message);

        // Signed in again (a new stamp on the new cookie), the same member writes.
        var again = await SignedInAsync(voter with { SessionStamp = null });
        Assert.True((await WithAsync<DeliberationService, Outcome<int>>(s =>
            s.PostCommentAsync(again, opened.Value!.DisputeId, "A comment"))).Succeeded);
    }
}
