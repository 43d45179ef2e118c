namespace ConflictForum.Features.Organisations;

/// <summary>How an organisation was verified, as its badge says.</summary>
public enum OrganisationVerification
{
    None,

    /// <summary>A member confirmed a mail sent to an address at the organisation's website's domain.</summary>
    Domain,

    /// <summary>An admin checked it.</summary>
    Admin,
}
