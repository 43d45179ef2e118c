using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Features.Organisations;
using ConflictForum.Platform;
using ConflictForum.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Features.TrackRecords;

/// <summary>The organisation the report's tests read: created by its owner, its agent added, verified by an admin.</summary>
internal static class CrisisReportFixtures
{
    public const string Slug = "bolt-couriers";

    /// <returns>The organisation's id.</returns>
    public static async Task<int> BoltAsync(ForumAppFactory app, ForumActor owner, ForumActor agent, DateTime now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var slug = await organisations.CreateAsync(owner,
            new OrganisationInput { Name = "Bolt Couriers Ltd", Slug = Slug, Website = "https://bolt.example" });
        Assert.True(slug.Succeeded, slug.Message);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ForumDbContext>>().CreateDbContextAsync();
        var id = await db.Organisations.Where(o => o.Slug == slug.Value).Select(o => o.Id).SingleAsync();
        db.OrganisationMembers.Add(new OrganisationMember
        {
            OrganisationId = id, UserId = agent.UserId!, Role = OrganisationRole.Agent, JoinedAt = now,
        });
        await db.SaveChangesAsync();
        var admin = await new Scenario(app).WithRoleAsync(await new Scenario(app).MemberAsync("Vera Verifier"), ForumRoles.Admin);
        Assert.True((await organisations.VerifyAsync(admin, id)).Succeeded);
        return id;
    }
}
