using ConflictForum.Features.Organisations;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    /// <summary>Any member who may write can create an organisation (and becomes its first owner).</summary>
    public Decision CanCreateOrganisation(ForumActor actor) => CannotWrite(actor) ?? Decision.Granted;

    /// <summary>The organisation's owners: verifying it by mail, inviting and removing agents.</summary>
    /// <param name="role">The actor's role in the organisation; null when they do not act for it.</param>
    public Decision CanManageOrganisation(ForumActor actor, OrganisationRole? role) =>
        CannotWrite(actor) is { } no ? no
        : role != OrganisationRole.Owner ? Decision.Denied(OrganisationRefusals.OnlyOwners)
        : Decision.Granted;

    /// <summary>Admins suspend a verified organisation's verification (its badge goes; only an admin can verify it again).</summary>
    public Decision CanSuspendOrganisation(ForumActor actor, Organisation organisation) =>
        CannotWrite(actor) is { } no ? no
        : !actor.IsAdmin ? Decision.Denied(OrganisationRefusals.OnlyAdmins)
        : !organisation.IsVerified ? Decision.Denied(OrganisationRefusals.NotVerified)
        : Decision.Granted;

    /// <summary>Admins verify an organisation by hand, once (also lifting a suspension).</summary>
    public Decision CanVerifyOrganisation(ForumActor actor, Organisation organisation) =>
        CannotWrite(actor) is { } no ? no
        : !actor.IsAdmin ? Decision.Denied(OrganisationRefusals.OnlyAdmins)
        : organisation.IsVerified ? Decision.Denied(OrganisationRefusals.AlreadyVerified)
        : Decision.Granted;
}
