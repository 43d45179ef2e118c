using System.Net;
using ConflictForum.Data;
using ConflictForum.Features.Accounts;
using ConflictForum.Platform;
using ConflictForum.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using static ConflictForum.Features.Organisations.OrganisationTokens;

namespace ConflictForum.Features.Organisations;

/// <summary>
/// Organisations on the forum: a member creates one and owns it; it is verified by an admin or by a mail to an address at
/// its website's domain. Every rule is asked of the guardian here, whatever the page showed.
/// </summary>
public sealed partial class OrganisationService(IDbContextFactory<ForumDbContext> dbFactory, ForumGuardian guardian,
    OrganisationTokens tokens, IMailDelivery delivery, IOptions<EmailOptions> email, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>Creates the organisation with the member as its owner; returns its slug.</summary>
    public async Task<Outcome<string>> CreateAsync(ForumActor actor, OrganisationInput input, CancellationToken ct = default)
    {
        if (guardian.CanCreateOrganisation(actor) is { Allowed: false } no) return no.AsOutcome().As<string>();
        var name = DisplayNames.Clean(input.Name);
        var slug = (input.Slug ?? "").Trim().ToLowerInvariant();
        if ((OrganisationNames.NameProblem(name) ?? OrganisationNames.SlugProblem(slug)) is { } problem)
            return Outcome.Invalid(problem).As<string>();
        if (Website(input.Website) is not { } website) return Outcome.Invalid(OrganisationRefusals.BadWebsite).As<string>();
        var description = (input.Description ?? "").Trim();
        if (description.Length > Organisation.DescriptionMaxLength)
            return Outcome.Invalid($"The description is at most {Organisation.DescriptionMaxLength} characters.").As<string>();
        if (Inputs.TextProblem(description, "description") is { } unreadable) return Outcome.Invalid(unreadable).As<string>();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = OrganisationNames.Normalize(name);
        if (await TakenAsync(db, normalized, slug, ct) is { } taken) return Outcome.Refused(taken).As<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation
        {
            Name = name, NormalizedName = normalized, Slug = slug, Description = description, Website = website.ToString(),
            CreatedAt = now,
        };
        db.Organisations.Add(organisation);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            db.OrganisationMembers.Add(new OrganisationMember
            {
                OrganisationId = organisation.Id, UserId = actor.UserId!, Role = OrganisationRole.Owner, JoinedAt = now,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another member took the name or the address between the check and the save.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return Outcome.Refused(await TakenAsync(fresh, normalized, slug, ct) ?? OrganisationRefusals.NameTaken).As<string>();
        }
        return slug;
    }

    /// <summary>An admin verifies the organisation by hand.</summary>
    public async Task<Outcome> VerifyAsync(ForumActor admin, int organisationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct) is not { } organisation)
            return Outcome.NotFound(OrganisationRefusals.NotFound);
        if (guardian.CanVerifyOrganisation(admin, organisation) is { Allowed: false } no) return no.AsOutcome();
        (organisation.Verification, organisation.VerifiedAt, organisation.VerifiedBy) =
            (OrganisationVerification.Admin, clock.GetUtcNow().UtcDateTime, admin.UserId);
        (organisation.SuspendedAt, organisation.SuspensionReason) = (null, null);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>An admin suspends the organisation's verification, saying why; its badge goes on every page at once.</summary>
    public async Task<Outcome> SuspendAsync(ForumActor admin, int organisationId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct) is not { } organisation)
            return Outcome.NotFound(OrganisationRefusals.NotFound);
        if (guardian.CanSuspendOrganisation(admin, organisation) is { Allowed: false } no) return no.AsOutcome();
        var why = (reason ?? "").Trim();
        if (why.Length is 0 or > OrganisationRefusals.ReasonMaxLength) return Outcome.Invalid(OrganisationRefusals.GiveReason);
        if (Inputs.TextProblem(why, "reason") is { } unreadable) return Outcome.Invalid(unreadable);
        (organisation.Verification, organisation.VerifiedAt, organisation.VerifiedBy) = (OrganisationVerification.None, null, null);
        (organisation.SuspendedAt, organisation.SuspensionReason) = (clock.GetUtcNow().UtcDateTime, why);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>
    /// An owner asks for a confirmation mail to <paramref name="address"/>, which must be at the organisation's website's
    /// domain; following its link verifies the organisation.
    /// </summary>
    public async Task<Outcome> RequestDomainCheckAsync(ForumActor owner, int organisationId, string? address,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (organisation, refusal) = await ManagedAsync(db, owner, organisationId, ct);
        if (organisation is null) return refusal;
        if (organisation.IsVerified) return Outcome.Refused(OrganisationRefusals.AlreadyVerified);
        if (organisation.SuspendedAt is not null) return Outcome.Refused(OrganisationRefusals.Suspended);
        var domain = Domain(organisation.Website);
        if (SharedMailDomains.IsShared(domain)) return Outcome.Refused(OrganisationRefusals.SharedDomain(domain));
        if (!MailboxAddress.TryParse((address ?? "").Trim(), out var mailbox) || mailbox.Domain is not { Length: > 0 } at
            || !(at.Equals(domain, StringComparison.OrdinalIgnoreCase) || at.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)))
            return Outcome.Invalid(OrganisationRefusals.NotAtDomain(domain));
        var token = Uri.EscapeDataString(tokens.For(Purpose.Domain, organisationId, mailbox.Address));
        await MailAsync(new MailboxAddress(organisation.Name, mailbox.Address),
            $"Confirm that {organisation.Name} is yours on ConflictForum",
            $"{owner.DisplayName} asked ConflictForum to verify {organisation.Name} by this address at {domain}. "
                + "If that is right, open this link within three days:",
            $"{OrganisationAddresses.ConfirmUrl}?token={token}", ct);
        return Outcome.Ok;
    }

    /// <summary>The link in a domain confirmation mail: verifies the organisation; returns its slug.</summary>
    public async Task<Outcome<string>> ConfirmDomainAsync(string? token, CancellationToken ct = default)
    {
        if (tokens.Read(Purpose.Domain, token) is not var (organisationId, address))
            return Outcome.Invalid(OrganisationRefusals.BadLink).As<string>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct) is not { } organisation)
            return Outcome.NotFound(OrganisationRefusals.NotFound).As<string>();
        if (organisation.SuspendedAt is not null) return Outcome.Refused(OrganisationRefusals.Suspended).As<string>();
        if (!organisation.IsVerified)
        {
            (organisation.Verification, organisation.VerifiedAt, organisation.VerifiedBy) =
                (OrganisationVerification.Domain, clock.GetUtcNow().UtcDateTime, address);
            await db.SaveChangesAsync(ct);
        }
        return organisation.Slug;
    }

    /// <summary>The organisation, when it exists and <paramref name="owner"/> may manage it; else why not.</summary>
    private async Task<(Organisation? Organisation, Outcome Refusal)> ManagedAsync(ForumDbContext db, ForumActor owner,
        int organisationId, CancellationToken ct)
    {
        if (await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct) is not { } organisation)
            return (null, Outcome.NotFound(OrganisationRefusals.NotFound));
        var decision = guardian.CanManageOrganisation(owner, await RoleAsync(db, organisationId, owner.UserId, ct));
        return decision.Allowed ? (organisation, Outcome.Ok) : (null, decision.AsOutcome());
    }

    /// <summary>A mail with one link, and a line for whoever did not expect it.</summary>
    private async Task MailAsync(MailboxAddress to, string subject, string text, string path, CancellationToken ct)
    {
        var link = site.Value.Link(path);
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(email.Value.From));
        message.To.Add(to);
        message.Body = new BodyBuilder
        {
            TextBody = $"{text}\n\n{link}\n\nIf you did not expect this, ignore it: nothing changes.\n",
            HtmlBody = $"<p>{WebUtility.HtmlEncode(text)}</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"
                + "<p>If you did not expect this, ignore it: nothing changes.</p>",
        }.ToMessageBody();
        await delivery.DeliverAsync(message, ct);
    }

    internal static Task<OrganisationRole?> RoleAsync(ForumDbContext db, int organisationId, string? userId, CancellationToken ct) =>
        db.OrganisationMembers.Where(m => m.OrganisationId == organisationId && m.UserId == userId)
            .Select(m => (OrganisationRole?)m.Role).SingleOrDefaultAsync(ct);

    private static async Task<string?> TakenAsync(ForumDbContext db, string normalized, string slug, CancellationToken ct) =>
        await db.Organisations.AnyAsync(o => o.NormalizedName == normalized, ct) ? OrganisationRefusals.NameTaken
        : await db.Organisations.AnyAsync(o => o.Slug == slug, ct) ? OrganisationRefusals.SlugTaken
        : null;

    private static Uri? Website(string? text) =>
        Uri.TryCreate((text ?? "").Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            && uri.Host.Contains('.', StringComparison.Ordinal) && uri.ToString().Length <= Organisation.WebsiteMaxLength ? uri : null;

    /// <summary>The website's mail domain: its host without a leading "www.".</summary>
    internal static string Domain(string website) =>
        new Uri(website).Host is var host && host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
}
