using System.Security.Claims;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConflictForum.Tests.Features.Accounts;

/// <summary>The circuit's reader: their standing, followed live by the scoped service every page of the circuit shares.</summary>
public sealed class CurrentMemberTests : ForumAppTest
{
    /// <summary>The member's circuit, signed in now (bound to their current security stamp).</summary>
    private async Task<CurrentMember> SignedInAsync(ForumActor member)
    {
        var stamp = await WithAsync<UserManager<ForumUser>, string>(async users =>
            (await users.GetSecurityStampAsync((await users.FindByIdAsync(member.UserId!))!))!);
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, member.UserId!),
             new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp)], "Identity.Application"));
        return new CurrentMember(
            new ForumActors(App.Services.GetRequiredService<IDbContextFactory<ConflictForum.Data.ForumDbContext>>(),
                new FixedAuthentication(user), App.Services.GetRequiredService<TimeProvider>(),
                App.Services.GetRequiredService<IOptions<IdentityOptions>>()),
            App.Services.GetRequiredService<IDisputeEvents>());
    }

    [Fact]
    public async Task A_suspension_reaches_the_reader_s_live_circuit_at_once()
    {
        var member = await MemberAsync("Live Reader");
        var moderator = await WithRoleAsync(await MemberAsync("Fair Moderator"), ForumRoles.Moderator);
        using var current = await SignedInAsync(member);
        Assert.Null((await current.LoadAsync(live: true)).SuspendedUntil);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        current.Changed += () =>
        {
            changed.TrySetResult();
            return Task.CompletedTask;
        };

        var suspended = await WithAsync<ModerationService, Outcome>(m =>
            m.SuspendAsync(moderator, member.UserId!, DateTime.UtcNow.AddDays(1), "Spamming"));
        Assert.True(suspended.Succeeded, suspended.Message);

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(current.Actor.SuspendedUntil);
    }

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
