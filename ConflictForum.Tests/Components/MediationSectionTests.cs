using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using ConflictForum.Components.DisputePage.Sections;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Mediations;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;

namespace ConflictForum.Tests.Components;

/// <summary>A party's mediation controls on their page, on the real services: who is offered which button.</summary>
public sealed class MediationSectionTests : ForumAppComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private BunitAuthorizationContext? signIn;

    [Fact]
    public async Task The_party_asked_agrees_or_declines_and_after_a_decline_the_asker_may_ask_again()
    {
        var (id, claimant, respondent) = await Given.DisputeBetweenAsync("Dana", "Lamp Shop");
        Assert.True((await ReadAsync<MediationService, Outcome<int>>(s => s.RequestAsync(claimant, id))).Succeeded);

        var asked = await RenderAsAsync(respondent, id);
        Assert.Equal("Asked for", asked.Find("[data-testid=mediation-status]").TextContent.Trim());
        Assert.Single(Buttons(asked, "Agree to mediation"));
        Assert.Empty(Buttons(asked, "Withdraw the request")); // not theirs to withdraw: they decline it
        Assert.Empty(asked.FindAll("[data-testid=ask-mediator]"));
        Buttons(asked, "Decline").Single().Click();
        asked.WaitForAssertion(() => Assert.Equal("Declined", asked.Find("[data-testid=mediation-status]").TextContent.Trim()), Wait);
        Assert.Single(asked.FindAll("[data-testid=ask-mediator]")); // either party may ask anew

        var asker = await RenderAsAsync(claimant, id);
        Assert.Equal("Declined", asker.Find("[data-testid=mediation-status]").TextContent.Trim());
        Buttons(asker, "Ask for a mediator").Single().Click();
        asker.WaitForAssertion(() => Assert.Equal("Asked for", asker.Find("[data-testid=mediation-status]").TextContent.Trim()), Wait);
        Assert.Single(Buttons(asker, "Withdraw the request"));
        Assert.Empty(Buttons(asker, "Agree to mediation"));
        Assert.Empty(asker.FindAll("[data-testid=ask-mediator]")); // one open mediation at a time
        Assert.Contains("Earlier: declined (asked by the claimant", asker.Find("[data-testid=mediation]").TextContent,
            StringComparison.Ordinal);
    }

    /// <summary>The section on <paramref name="member"/>'s page, signed in as they are now.</summary>
    private async Task<IRenderedComponent<MediationSection>> RenderAsAsync(ForumActor member, int disputeId)
    {
        var stamp = await ReadAsync<UserManager<ForumUser>, string>(async users =>
            (await users.GetSecurityStampAsync((await users.FindByIdAsync(member.UserId!))!))!);
        (signIn ??= AddAuthorization()).SetAuthorized(member.DisplayName).SetClaims(new Claim(ClaimTypes.NameIdentifier, member.UserId!),
            new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp));
        var view = (await ReadAsync<DisputeQueries, DisputeView?>(q => q.GetAsync(disputeId, member)))!;
        var section = Render<MediationSection>(p => p.Add(c => c.View, view).Add(c => c.Viewer, member));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("[data-testid=mediation]")), Wait);
        return section;
    }
}
