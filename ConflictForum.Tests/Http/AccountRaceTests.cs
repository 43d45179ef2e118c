using ConflictForum.Features.Accounts;
using ConflictForum.Features.Moderation;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Http;

/// <summary>Moderation writes on a member against the member's own account writes, interleaved the worst way on purpose.</summary>
public sealed class AccountRaceTests : ForumAppTest
{
    private const string Password = "correct horse battery";
    private readonly WatchedPasswordHasher hasher;

    public AccountRaceTests() : this(new WatchedPasswordHasher())
    {
    }

    private AccountRaceTests(WatchedPasswordHasher hasher) : base(new ForumAppFactory(services: hasher.Replace)) => this.hasher = hasher;

    [Fact]
    public async Task A_failed_sign_in_racing_a_suspension_never_undoes_it()
    {
        var site = new SiteClient(App);
        await site.RegisterAsync("Racing Rita", "rita@example.test", Password);
        await site.ConfirmFromMailAsync("rita@example.test");
        var rita = (await FindAsync("rita@example.test")).Id;
        var moderator = await WithRoleAsync(await MemberAsync("Steady Moderator"), ForumRoles.Moderator);

        // Each round: the sign-in has read the account and checked the password when the suspension commits; then it
        // writes the account back (one more failed attempt). Identity writes the whole row, so it must not win.
        for (var round = 1; round <= 5; round++)
        {
            using var hold = hasher.HoldNext();
            var signIn = site.SignInAsync("rita@example.test", $"a wrong guess {round}");
            await hold.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var suspended = await WithAsync<ModerationService, Outcome>(s =>
                s.SuspendAsync(moderator, rita, DateTime.UtcNow.AddDays(1), $"Round {round}"));
            Assert.True(suspended.Succeeded, suspended.Message);
            hold.Released.Set();
            var (_, page) = await signIn;
            Assert.Contains("do not match an account", page, StringComparison.Ordinal);

            var user = await FindAsync("rita@example.test");
            Assert.True(user.SuspendedUntil > DateTime.UtcNow, $"Round {round}: the failed sign-in undid the suspension.");
            Assert.Equal($"Round {round}", user.SuspensionReason);

            Assert.True((await WithAsync<ModerationService, Outcome>(s => s.LiftSuspensionAsync(moderator, rita, "Next round"))).Succeeded);
        }
    }

    private async Task<ForumUser> FindAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>().FindByEmailAsync(email))!;
    }
}
