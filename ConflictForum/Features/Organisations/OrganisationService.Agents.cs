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
        db.OrganisationMembers.Add(new OrganisationMember
        {
            OrganisationId = organisationId, UserId = actor.UserId!, Role = OrganisationRole.Agent,
            JoinedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link opened twice at once: the member joined once.
        }
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
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok;
    }
}
