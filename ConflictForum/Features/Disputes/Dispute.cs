using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictForum.Features.Disputes;

public sealed class Dispute : Timeline.ITimelineAnchor
{
    public const int TitleMinLength = 10;
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 500;
    public const int PartyNameMaxLength = 100;

    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public DisputeCategory Category { get; set; }

    public DisputeStatus Status { get; set; }

    public string ClaimantId { get; set; } = "";

    /// <summary>The member who accepted the invitation; null until then (and for good if nobody responds).</summary>
    public string? RespondentId { get; set; }

    /// <summary>The other party as the claimant names them (a person or a company), or the organisation's name.</summary>
    public string RespondentName { get; set; } = "";

    /// <summary>
    /// The organisation the dispute is against, if the claimant chose one: its members answer for it (one of them joins,
    /// and from then on any of them acts as the respondent), and none of them votes, flags or mediates on it.
    /// </summary>
    public int? RespondentOrganisationId { get; set; }

    /// <summary>
    /// The mediator who took this dispute's mediation, if one ever did: neutral, so they never vote on it, even after the
    /// mediation ends.
    /// </summary>
    public string? MediatorId { get; set; }

    /// <summary>Where the invitation was e-mailed, if the claimant gave an address. Never shown.</summary>
    public string? RespondentEmail { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the dispute opens without the respondent if they have not joined.</summary>
    public DateTime ResponseDeadline { get; set; }

    public DateTime? OpenedAt { get; set; }

    /// <summary>When voting ends and the dispute closes; set when it opens.</summary>
    public DateTime? VotingClosesAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime LastActivityAt { get; set; }

    /// <summary>Statements, edits and replies so far: the "most active" sort and the list's activity count.</summary>
    public int ActivityCount { get; set; }

    // Fault votes per option: counters moved with ExecuteUpdate inside each vote's transaction (Deliberation),
    // so reading the tally is one row however many votes there are.
    public int ClaimantAtFaultVotes { get; set; }

    public int RespondentAtFaultVotes { get; set; }

    public int BothAtFaultVotes { get; set; }

    public int NeitherAtFaultVotes { get; set; }

    /// <summary>Fault votes cast; a dispute with votes can no longer be withdrawn.</summary>
    public int VoteCount => ClaimantAtFaultVotes + RespondentAtFaultVotes + BothAtFaultVotes + NeitherAtFaultVotes;

    /// <summary>Comments that are not deleted.</summary>
    public int CommentCount { get; set; }

    /// <summary>The public verdict and resolution ranking as they stood when voting closed; null before.</summary>
    public string? FinalVerdict { get; set; }

    /// <summary>A moderator stopped new comments (votes and resolutions go on).</summary>
    public bool CommentsLocked { get; set; }

    /// <summary>Bumped by every write on the dispute as it takes the row lock (DisputeWriter).</summary>
    public int Version { get; set; }

    /// <summary>
    /// Entries on the dispute's timeline, kept with <see cref="TimelineHead"/> by every append in its transaction: the anchor
    /// "Verify record" holds the chain to, so deleting the newest entries (or all of them) shows.
    /// </summary>
    public int TimelineLength { get; set; }

    /// <summary>The hash of the newest timeline entry; null before the first.</summary>
    public string? TimelineHead { get; set; }

    /// <summary>
    /// The response deadline, not the respondent's statement, opened the dispute (whether or not they had joined): it opened
    /// at that very instant, while a statement opens it earlier.
    /// </summary>
    public bool RespondentDidNotRespond => Status != DisputeStatus.AwaitingResponse && OpenedAt is { } opened && opened == ResponseDeadline;

    /// <summary>The respondent joined and the public is waiting for their statement before it comments and votes.</summary>
    public bool AwaitsRespondentStatement => Status == DisputeStatus.AwaitingResponse && RespondentId is not null;


    /// <summary>A copy to change freely (a shared, untracked snapshot must not be changed in place).</summary>
    public Dispute Copy() => (Dispute)MemberwiseClone();

    /// <summary>
    /// The side <paramref name="actor"/> takes in this dispute: the claimant; the respondent who joined; once someone joined
    /// for the respondent organisation, any member of it, and only while they are one (an agent the organisation removed,
    /// even the one who joined, answers for it no more). Null for everyone else.
    /// </summary>
    public PartyRole? RoleOf(ForumActor actor) =>
        actor.UserId is not { } userId ? null
        : userId == ClaimantId ? PartyRole.Claimant
        : RespondentId is null ? null
        : RespondentOrganisationId is null ? (userId == RespondentId ? PartyRole.Respondent : null)
        : actor.ActsFor(RespondentOrganisationId) ? PartyRole.Respondent
        : null;

    /// <summary>
    /// <paramref name="actor"/> is a party, acts for the respondent organisation even before anyone joined for it, or once
    /// joined for it: never a neutral voter, flagger or mediator here.
    /// </summary>
    public bool IsSideOf(ForumActor actor) =>
        RoleOf(actor) is not null || actor.ActsFor(RespondentOrganisationId) || actor.Is(RespondentId);

    /// <summary>A name for the record of <paramref name="actor"/>'s step: an agent signs for the organisation they act for.</summary>
    public string SignatureOf(ForumActor actor) => SignedName(actor.DisplayName, RoleOf(actor));

    /// <summary>The name shown on words written as <paramref name="role"/>: a respondent's agent with their organisation.</summary>
    public string SignedName(string authorName, PartyRole? role) =>
        role == PartyRole.Respondent && RespondentOrganisationId is not null ? $"{authorName} for {RespondentName}" : authorName;
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> dispute)
    {
        // The moderation state of its items goes with the dispute (it is configured here: that layer does not know disputes).
        dispute.HasMany<Content.ModeratedItem>().WithOne().HasForeignKey(i => i.DisputeId).OnDelete(DeleteBehavior.Cascade);
        dispute.Property(d => d.Title).HasMaxLength(Dispute.TitleMaxLength);
        dispute.Property(d => d.Summary).HasMaxLength(Dispute.SummaryMaxLength);
        dispute.Property(d => d.Category).HasConversion<string>().HasMaxLength(16);
        dispute.Property(d => d.Status).HasConversion<string>().HasMaxLength(24);
        dispute.Property(d => d.ClaimantId).HasMaxLength(450);
        dispute.Property(d => d.RespondentId).HasMaxLength(450);
        dispute.Property(d => d.RespondentName).HasMaxLength(Dispute.PartyNameMaxLength);
        dispute.Property(d => d.RespondentEmail).HasMaxLength(256);
        dispute.Property(d => d.MediatorId).HasMaxLength(450);
        dispute.Property(d => d.Version).IsConcurrencyToken();
        dispute.Ignore(d => d.VoteCount);
        dispute.Property(d => d.FinalVerdict).HasMaxLength(2000);
        dispute.Property(d => d.TimelineHead).HasMaxLength(64).IsFixedLength();
        dispute.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(d => d.ClaimantId).OnDelete(DeleteBehavior.Restrict);
        dispute.HasOne<Accounts.ForumUser>().WithMany().HasForeignKey(d => d.RespondentId).OnDelete(DeleteBehavior.Restrict);
        dispute.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(d => d.RespondentOrganisationId)
            .OnDelete(DeleteBehavior.Restrict);
        dispute.HasIndex(d => new { d.Status, d.CreatedAt });
        dispute.HasIndex(d => d.LastActivityAt);
        dispute.HasIndex(d => d.ResponseDeadline);
        dispute.HasIndex(d => d.VotingClosesAt);
        dispute.HasMany<Timeline.TimelineEntry>().WithOne().HasForeignKey(e => e.DisputeId).OnDelete(DeleteBehavior.Restrict);
    }
}
