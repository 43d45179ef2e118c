using ConflictForum.Features.Accounts;
using ConflictForum.Features.Content;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Moderation;
using ConflictForum.Features.Organisations;
using ConflictForum.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictForum.Tests.Support;

/// <summary>A dispute and its two parties.</summary>
public sealed record DisputeParties(int DisputeId, ForumActor Claimant, ForumActor Respondent);

/// <summary>
/// What a test starts from, said the way a person would: members, a dispute between two of them, votes, comments, a
/// hidden comment. Every step goes through the app's real services (one scope each, as one request would) and fails the
/// test at once if the app refuses it, so a test's own assertions are about what it tests.
/// </summary>
public sealed class Scenario(ForumAppFactory app)
{
    /// <summary>
    /// A dispute as a claimant fills the form; the invitation is mailed only when <paramref name="respondentEmail"/> is given.
    /// </summary>
    public static OpenDisputeInput Dispute(string title = "Broken lamp and no refund", string summary = "The lamp arrived in pieces.",
        string respondentName = "Lamp Shop", string statement = "It arrived broken.", DisputeCategory category = DisputeCategory.Purchase,
        string? respondentEmail = null) => new()
        {
            Title = title, Summary = summary, Category = category, RespondentName = respondentName,
            RespondentEmail = respondentEmail, Statement = statement,
        };

    /// <summary>A confirmed member, created at the app's clock, without a password (hashing is slow; they never sign in).</summary>
    public async Task<ForumActor> MemberAsync(string displayName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var email = $"{Guid.NewGuid():N}@example.test";
        var user = new ForumUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            CreatedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync(user.Id);
    }

    /// <summary>A confirmed member who can sign in in a browser, with <see cref="BrowserJourney.Password"/>.</summary>
    public Task<ForumActor> MemberAsync(string displayName, string email) => BrowserJourney.CreateMemberAsync(app, displayName, email);

    /// <summary>Gives the member a role (Moderator or Admin) and returns them as the services now read them.</summary>
    public async Task<ForumActor> WithRoleAsync(ForumActor member, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var added = await users.AddToRoleAsync((await users.FindByIdAsync(member.UserId!))!, role);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
        return await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync(member.UserId);
    }

    /// <summary>A new member with the Moderator role.</summary>
    public async Task<ForumActor> ModeratorAsync(string displayName = "Moderator") =>
        await WithRoleAsync(await MemberAsync(displayName), ForumRoles.Moderator);

    /// <summary>Two new members, named as given, in a dispute the respondent joined.</summary>
    public async Task<DisputeParties> DisputeBetweenAsync(string claimantName, string respondentName, OpenDisputeInput? input = null) =>
        await DisputeBetweenAsync(await MemberAsync(claimantName), await MemberAsync(respondentName), input);

    /// <summary>
    /// A dispute <paramref name="claimant"/> opened, <paramref name="respondent"/> joined and answered with a statement:
    /// both sides heard, open for comments and votes.
    /// </summary>
    public async Task<DisputeParties> DisputeBetweenAsync(ForumActor claimant, ForumActor respondent, OpenDisputeInput? input = null)
    {
        var parties = await JoinedDisputeAsync(claimant, respondent, input);
        await EditStatementAsync(respondent, parties.DisputeId, RespondentStatement);
        return parties;
    }

    /// <summary>The respondent's statement <see cref="DisputeBetweenAsync(ForumActor, ForumActor, OpenDisputeInput?)"/> posts.</summary>
    public const string RespondentStatement = "It was packed with care; the courier broke it.";

    /// <summary>
    /// A dispute <paramref name="claimant"/> opened and <paramref name="respondent"/> joined without posting a statement yet:
    /// the public waits for it before commenting and voting.
    /// </summary>
    public async Task<DisputeParties> JoinedDisputeAsync(ForumActor claimant, ForumActor respondent, OpenDisputeInput? input = null)
    {
        var opened = await OpenAsync(claimant, input);
        await JoinAsync(respondent, opened.InvitationToken);
        return new(opened.DisputeId, claimant, respondent);
    }

    /// <summary>A dispute <paramref name="claimant"/> opened, awaiting the respondent: its id and the invitation.</summary>
    public Task<OpenedDispute> OpenAsync(ForumActor claimant, OpenDisputeInput? input = null) =>
        Do<DisputeService, OpenedDispute>(s => s.OpenDisputeAsync(claimant, input ?? Dispute()));

    /// <summary>The invited member accepts the invitation and becomes the respondent.</summary>
    public Task<int> JoinAsync(ForumActor respondent, string invitationToken) =>
        Do<DisputeService, int>(s => s.AcceptInvitationAsync(respondent, invitationToken));

    /// <summary>A party writes a new version of their statement (the first, if they had none).</summary>
    public Task EditStatementAsync(ForumActor party, int disputeId, string text) =>
        Do<DisputeService>(s => s.SaveStatementAsync(party, disputeId, text));

    /// <summary>The address of the organisation <see cref="BoltAsync"/> makes.</summary>
    public const string BoltSlug = "bolt-couriers";

    /// <summary>
    /// Bolt Couriers Ltd, created by <paramref name="owner"/>, with <paramref name="agent"/> added straight to its members as an
    /// agent (inviting one has tests of its own) and, unless <paramref name="verified"/> is false, verified by an admin; its id.
    /// Read the members again (<see cref="ReadAsync"/>) to have them act for it.
    /// </summary>
    public async Task<int> BoltAsync(ForumActor owner, ForumActor? agent = null, bool verified = true)
    {
        var slug = await Do<OrganisationService, string>(s => s.CreateAsync(owner,
            new OrganisationInput { Name = "Bolt Couriers Ltd", Slug = BoltSlug, Website = "https://bolt.example" }));
        await using var db = await Contexts.CreateDbContextAsync();
        var id = await db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
        if (agent is not null)
        {
            db.OrganisationMembers.Add(new OrganisationMember
            {
                OrganisationId = id, UserId = agent.UserId!, Role = OrganisationRole.Agent,
                JoinedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        if (verified)
        {
            var admin = await WithRoleAsync(await MemberAsync("Vera Verifier"), ForumRoles.Admin);
            await Do<OrganisationService>(s => s.VerifyAsync(admin, id));
        }
        return id;
    }

    /// <summary>The member's standing as the services read it now (their roles, the organisations they act for).</summary>
    public async Task<ForumActor> ReadAsync(ForumActor member)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ForumActors>().ForUserAsync(member.UserId);
    }

    /// <summary>A comment by <paramref name="author"/>; its id.</summary>
    public Task<int> CommentAsync(ForumActor author, int disputeId, string text) =>
        Do<DeliberationService, int>(s => s.PostCommentAsync(author, disputeId, text));

    /// <summary>A fault vote by <paramref name="voter"/>.</summary>
    public Task VoteAsync(ForumActor voter, int disputeId, FaultOption option) =>
        Do<DeliberationService>(s => s.CastFaultVoteAsync(voter, disputeId, option));

    /// <summary>A moderator hides a comment, giving <paramref name="reason"/>.</summary>
    public Task HideCommentAsync(ForumActor moderator, int commentId, string reason) =>
        Do<ModerationService>(s => s.HideAsync(moderator, ContentKind.Comment, commentId, reason));

    private async Task<T> Do<TService, T>(Func<TService, Task<Outcome<T>>> step) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await step(scope.ServiceProvider.GetRequiredService<TService>());
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value!;
    }

    private IDbContextFactory<ConflictForum.Data.ForumDbContext> Contexts =>
        app.Services.GetRequiredService<IDbContextFactory<ConflictForum.Data.ForumDbContext>>();

    /// <summary>The dispute's row as stored now.</summary>
    public async Task<Dispute> StoredAsync(int disputeId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == disputeId);
    }

    /// <summary>The dispute's whole timeline as stored now, oldest first.</summary>
    public async Task<List<ConflictForum.Features.Timeline.TimelineEntry>> TimelineAsync(int disputeId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.TimelineEntries.AsNoTracking().Where(e => e.DisputeId == disputeId).OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task Do<TService>(Func<TService, Task<Outcome>> step) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await step(scope.ServiceProvider.GetRequiredService<TService>());
        Assert.True(outcome.Succeeded, outcome.Message);
    }
}
