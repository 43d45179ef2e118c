using ConflictForum.Features.Accounts;
using ConflictForum.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.Accounts;

public sealed class AdminBootstrapTests : ForumAppTest
{
    [Fact]
    public async Task Create_admin_promotes_a_registered_account()
    {
        await new SiteClient(App).RegisterAsync("First Admin", "owner@example.test", "long enough passphrase");

        var (succeeded, message) = await AdminBootstrap.PromoteAsync(App.Services, "owner@example.test");

        Assert.True(succeeded, message);
        Assert.Equal("First Admin (owner@example.test) is now an Admin.", message);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("owner@example.test"))!, ForumRoles.Admin));
    }

    [Fact]
    public async Task Create_admin_for_an_unknown_address_explains_and_creates_nothing()
    {
        var (succeeded, message) = await AdminBootstrap.PromoteAsync(App.Services, "nobody@example.test");

        Assert.False(succeeded);
        Assert.Contains("Register it on the site first", message, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>().FindByEmailAsync("nobody@example.test"));
    }

    [Fact]
    public void Startup_switches_are_taken_out_of_the_host_arguments()
    {
        var commands = StartupCommands.Parse(["--urls", "http://127.0.0.1:5000", "--create-admin", "a@b.test", "--migrate-only"]);

        Assert.True(commands.MigrateOnly);
        Assert.Equal("a@b.test", commands.CreateAdminEmail);
        Assert.Equal(["--urls", "http://127.0.0.1:5000"], commands.HostArgs);
    }
}
