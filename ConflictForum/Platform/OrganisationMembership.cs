namespace ConflictForum.Platform;

/// <summary>A member acting for an organisation, as the standing of an actor needs it (<see cref="ForumActor.Organisations"/>).</summary>
public sealed record OrganisationMembership(string UserId, int OrganisationId);
