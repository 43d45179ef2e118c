using ConflictForum.Platform;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static ConflictForum.Features.Organisations.OrganisationTokens;

namespace ConflictForum.Features.Organisations;

public sealed partial class OrganisationService
{
    /// <summary>An owner invites someone by e-mail to act as the organisation's agent; the mail's link lets them join.</summary>
    public async Task<Outcome> InviteAgentAsync(ForumActor owner, int organisationId, string? address, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (organisation, refusal) = await ManagedAsync(db, owner, organisationId, ct);
        if (organisation is null) return refusal;
        if (!MailboxAddress.TryParse((address ?? "").Trim(), out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            return Outcome.Invalid(OrganisationRefusals.BadAddress);
        // Recorded before the mail goes: the link it carries works once, while this invitation is open.
        var normalizedAddress = mailbox.Address.ToUpperInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.AgentInvitations.SingleOrDefaultAsync(i => i.OrganisationId == organisationId
                && i.NormalizedAddress == normalizedAddress, ct) is { } open)
            (open.InvitedAt, open.ClosedAt) = (now, null);
        else
            db.AgentInvitations.Add(new AgentInvitation
            {
                OrganisationId = organisationId, NormalizedAddress = normalizedAddress, InvitedAt = now,
            });
        await db.SaveChangesAsync(ct);
        var token = Uri.EscapeDataString(tokens.For(Purpose.Agent, organisationId, mailbox.Address));
        await MailAsync(mailbox, $"{owner.DisplayName} invites you to answer for {organisation.Name} on ConflictForum",
            $"{owner.DisplayName} invites you to act as an agent of {organisation.Name}: to answer its disputes for it, in "
                + "public, with your name beside its own. Sign in with the account of this address and open this link within "
                + "seven days:",
            $"{OrganisationAddresses.JoinUrl}?token={token}", ct);
        return Outcome.Ok;
    }

    /// <summary>
    /// The link in an invitation: the signed-in member whose confirmed address it was sent to becomes an agent. Returns the
    /// organisation's slug.
    /// </summary>
    public async Task<Outcome<string>> AcceptInvitationAsync(ForumActor actor, string? token, CancellationToken ct = default)
    {
        if (ForumGuardian.CannotWrite(actor) is { } no) return no.AsOutcome().As<string>();
        if (tokens.Read(Purpose.Agent, token) is not var (organisationId, address))
            return Outcome.Invalid(OrganisationRefusals.BadLink).As<string>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct) is not { } organisation)
            return Outcome.NotFound(OrganisationRefusals.NotFound).As<string>();
        var normalized = address.ToUpperInvariant();
        if (!await db.Users.AnyAsync(u => u.Id == actor.UserId && u.EmailConfirmed && u.NormalizedEmail == normalized, ct))
            return Outcome.Refused(OrganisationRefusals.NotInvited).As<string>();
        if (await RoleAsync(db, organisationId, actor.UserId, ct) is not null) return organisation.Slug; // twice is once
        // A link works once, and not after the organisation removed the member it made (nor any other closed invitation).
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var closed = await db.AgentInvitations.Where(i => i.OrganisationId == organisationId && i.NormalizedAddress == normalized
            && i.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.ClosedAt, now), ct);
        if (closed == 0)
        {
            // The same link opened twice at once: the other opening made them a member, and this one says so.
            return await RoleAsync(db, organisationId, actor.UserId, ct) is not null
                ? organisation.Slug
                : Outcome.Invalid(OrganisationRefusals.BadLink).As<string>();
        }
        db.OrganisationMembers.Add(new OrganisationMember
        {
            OrganisationId = organisationId, UserId = actor.UserId!, Role = OrganisationRole.Agent, JoinedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return organisation.Slug;
    }

    /// <summary>An owner removes a member (an agent, or another owner); the organisation keeps at least one owner.</summary>
    public async Task<Outcome> RemoveMemberAsync(ForumActor owner, int organisationId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (organisation, refusal) = await ManagedAsync(db, owner, organisationId, ct);
        if (organisation is null) return refusal;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var members = await db.OrganisationMembers.Where(m => m.OrganisationId == organisationId).ToListAsync(ct);
        if (members.Find(m => m.UserId == userId) is not { } member) return Outcome.NotFound(OrganisationRefusals.NotAMember);
        if (member.Role == OrganisationRole.Owner && members.Count(m => m.Role == OrganisationRole.Owner) == 1)
            return Outcome.Refused(OrganisationRefusals.LastOwner);
        db.OrganisationMembers.Remove(member);
        // Whatever invitation their address still holds closes with them: an old link does not bring them back.
        var address = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AgentInvitations.Where(i => i.OrganisationId == organisationId && i.NormalizedAddress == address && i.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClosedAt, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok;
    }
}
