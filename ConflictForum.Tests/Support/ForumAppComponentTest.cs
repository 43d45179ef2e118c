using System.Security.Claims;
using Bunit;
using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Support;

/// <summary>
/// bUnit on the real services of a running app and its test database: a panel that loads its own data reads what a
/// <see cref="Scenario"/> wrote. The reader is signed out unless a test says otherwise (bUnit's authorization).
/// </summary>
public abstract class ForumAppComponentTest : ForumComponentTest, IAsyncDisposable
{
    private readonly AsyncServiceScope scope;

    protected ForumAppComponentTest()
    {
        scope = App.Services.CreateAsyncScope();
        Services.AddSingleton(App.Services.GetRequiredService<IDbContextFactory<ForumDbContext>>());
        Services.AddSingleton(App.Services.GetRequiredService<TimeProvider>());
        Services.AddScoped<ForumActors>();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        AddAuthorization().SetNotAuthorized();
    }

    protected ForumAppFactory App { get; } = new();

    /// <summary>Members, disputes, votes and comments to render, on this test's app.</summary>
    protected Scenario Given => new(App);

    /// <summary>Runs <paramref name="read"/> with a service from a fresh scope, as the page that hands the panel its data would.</summary>
    protected async Task<TResult> ReadAsync<TService, TResult>(Func<TService, Task<TResult>> read) where TService : notnull
    {
        await using var readScope = App.Services.CreateAsyncScope();
        return await read(readScope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// Signs <paramref name="member"/> in as bUnit's reader, with their security stamp: what they do is done as them (the
    /// services read them afresh), as on their page.
    /// </summary>
    protected async Task SignInAsync(ForumActor member)
    {
        var stamp = await ReadAsync<UserManager<ForumUser>, string>(async users =>
            (await users.GetSecurityStampAsync((await users.FindByIdAsync(member.UserId!))!))!);
        AddAuthorization().SetAuthorized(member.DisplayName).SetClaims(new Claim(ClaimTypes.NameIdentifier, member.UserId!),
            new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await scope.DisposeAsync();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
