namespace ConflictForum.Features.Organisations;

/// <summary>What the organisation rules say when they refuse.</summary>
public static class OrganisationRefusals
{
    public const int ReasonMaxLength = 500;

    public const string NotFound = "There is no such organisation.";
    public const string NotVerified = "The organisation is not verified.";
    public const string Suspended = "An admin suspended this organisation's verification; only an admin can verify it again.";
    public const string GiveReason = "Say why, in a few words: the organisation's page shows it.";
    public const string NameTaken = "An organisation of that name is already on the forum. If it is yours, ask its owner to invite you.";
    public const string SlugTaken = "That address is already taken; choose another.";
    public const string BadWebsite = "Give the website as a full address, e.g. https://example.com.";
    public const string OnlyOwners = "Only the organisation's owners can do that.";
    public const string OnlyAdmins = "Only admins can verify an organisation by hand.";
    public const string AlreadyVerified = "The organisation is already verified.";
    public static string NotAtDomain(string domain) => $"Use an address at the website's own domain (for example, someone@{domain}).";
    public static string SharedDomain(string domain) =>
        $"Anyone can get an address at {domain}, so a mail there cannot show the organisation is yours. "
        + "Give a website at your own domain, or ask an admin to verify the organisation by hand.";
    public const string BadLink = "This link is not valid, or has expired. Nothing was changed.";
    public const string BadAddress = "Give the e-mail address to invite, e.g. someone@example.com.";
    public const string NotInvited = "This invitation was sent to another address. Sign in with the account that has it, confirmed.";
    public const string NotAMember = "That member does not act for this organisation.";
    public const string LastOwner = "An organisation keeps at least one owner.";
}
