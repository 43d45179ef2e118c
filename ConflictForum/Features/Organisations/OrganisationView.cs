using ConflictForum.Features.Content;

namespace ConflictForum.Features.Organisations;

/// <summary>
/// An organisation as its page shows it: who acts for it, the reader's own role there (null: none), its author (its first
/// owner, who may appeal its hiding) and, when a moderator hid it, the notice this reader sees in its place.
/// </summary>
public sealed record OrganisationView(Organisation Organisation, IReadOnlyList<(string UserId, string Name, OrganisationRole Role)> Members,
    OrganisationRole? ViewerRole, string AuthorId, HiddenNotice? Hidden = null)
{
    /// <summary>Its name, or what stands for it while it is hidden.</summary>
    public string Name => Hidden is null ? Organisation.Name : OrganisationNames.HiddenName;
}
