using ConflictForum.Features.Accounts;
using ConflictForum.Features.Deliberation;
using ConflictForum.Features.Disputes;
using ConflictForum.Features.Timeline;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Data;

/// <summary>
/// The forum's one model. Abstract because each database provider needs its own migrations and
/// model snapshot; <see cref="SqliteForumDbContext"/> and <see cref="SqlServerForumDbContext"/> exist only for that.
/// </summary>
public abstract class ForumDbContext(DbContextOptions options)
    : IdentityDbContext<ForumUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Features.Accounts.EndedSignIn> EndedSignIns => Set<Features.Accounts.EndedSignIn>();

    public DbSet<Dispute> Disputes => Set<Dispute>();

    public DbSet<PartyStatement> Statements => Set<PartyStatement>();

    public DbSet<StatementRevision> StatementRevisions => Set<StatementRevision>();

    public DbSet<DisputeSearchText> DisputeSearchTexts => Set<DisputeSearchText>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Settlement> Settlements => Set<Settlement>();

    public DbSet<Features.Settlements.Offer> Offers => Set<Features.Settlements.Offer>();

    public DbSet<Features.Settlements.SettlementReport> SettlementReports => Set<Features.Settlements.SettlementReport>();

    public DbSet<Features.Mediations.Mediation> Mediations => Set<Features.Mediations.Mediation>();

    public DbSet<Features.Mediations.MediatorProposal> MediatorProposals => Set<Features.Mediations.MediatorProposal>();

    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();

    public DbSet<Features.Notifications.NotificationSetting> NotificationSettings => Set<Features.Notifications.NotificationSetting>();

    public DbSet<Features.Organisations.Organisation> Organisations => Set<Features.Organisations.Organisation>();

    public DbSet<Features.Organisations.OrganisationMember> OrganisationMembers => Set<Features.Organisations.OrganisationMember>();

    public DbSet<Features.Organisations.AgentInvitation> AgentInvitations => Set<Features.Organisations.AgentInvitation>();

    /// <summary>
    /// Who acts for which organisation, for the layers below organisations (an actor's standing) that may not name their types.
    /// </summary>
    public Task<List<Platform.OrganisationMembership>> OrganisationMembershipsAsync(IReadOnlyCollection<string> userIds,
        CancellationToken ct) =>
        OrganisationMembers.Where(m => userIds.Contains(m.UserId))
            .Select(m => new Platform.OrganisationMembership(m.UserId, m.OrganisationId)).ToListAsync(ct);

    public DbSet<Features.TrackRecords.TrackRecordCount> TrackRecordCounts => Set<Features.TrackRecords.TrackRecordCount>();

    public DbSet<Features.TrackRecords.TrackRecordFact> TrackRecordFacts => Set<Features.TrackRecords.TrackRecordFact>();

    public DbSet<Features.Notifications.Follow> Follows => Set<Features.Notifications.Follow>();

    public DbSet<Features.Notifications.FollowerNotice> FollowerNotices => Set<Features.Notifications.FollowerNotice>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<FaultVote> FaultVotes => Set<FaultVote>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<Resolution> Resolutions => Set<Resolution>();

    public DbSet<Stance> Stances => Set<Stance>();

    public DbSet<Platform.WriteEvent> WriteEvents => Set<Platform.WriteEvent>();

    public DbSet<Platform.WriteGate> WriteGates => Set<Platform.WriteGate>();

    public DbSet<Features.Moderation.Flag> Flags => Set<Features.Moderation.Flag>();

    public DbSet<Features.Content.ModeratedItem> ModeratedItems => Set<Features.Content.ModeratedItem>();

    public DbSet<Features.Moderation.ModerationLogEntry> ModerationLog => Set<Features.Moderation.ModerationLogEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ForumDbContext).Assembly);
    }
}
