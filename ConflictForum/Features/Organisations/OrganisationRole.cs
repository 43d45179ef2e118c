namespace ConflictForum.Features.Organisations;

public enum OrganisationRole
{
    /// <summary>Runs the organisation on the forum: verifies it, invites and removes agents.</summary>
    Owner,

    /// <summary>Answers the organisation's disputes for it.</summary>
    Agent,
}
