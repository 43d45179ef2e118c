namespace ConflictForum.Features.Organisations;

/// <summary>An organisation as its page shows it: who acts for it, and the reader's own role there (null: none).</summary>
public sealed record OrganisationView(Organisation Organisation, IReadOnlyList<(string UserId, string Name, OrganisationRole Role)> Members,
    OrganisationRole? ViewerRole);
