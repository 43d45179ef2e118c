namespace ConflictForum.Features.Organisations;

/// <summary>The organisations' addresses, named once (pages and mail link through these).</summary>
public static class OrganisationAddresses
{
    public const string ListUrl = "organisations";

    public const string NewUrl = "organisations/new";

    public const string ConfirmUrl = "organisations/confirm";

    public const string JoinUrl = "organisations/join";

    public static string PageUrl(string slug) => $"organisations/{Uri.EscapeDataString(slug)}";
}
