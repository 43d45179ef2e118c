using ConflictForum.Features.TrackRecords;
using ConflictForum.Platform;

namespace ConflictForum.Features;

public sealed partial class ForumGuardian
{
    /// <summary>
    /// The organisation's owners and agents, and no one else (admins neither: the report is the organisation's own working
    /// paper, and every step it is built from is on the disputes' public timelines). Reading only: a suspended member still may.
    /// </summary>
    public Decision CanReadCrisisReport(ForumActor actor, int organisationId) =>
        actor.HasSessionEnded ? Decision.Denied(SessionEnded)
        : !actor.IsSignedIn ? Decision.Denied(SignInFirst)
        : !actor.ActsFor(organisationId) ? Decision.Denied(TrackRecordRefusals.OnlyItsMembers)
        : Decision.Granted;
}
